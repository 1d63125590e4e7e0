# Technique: '..' as the last components: listdir('sub/../..')
# expect: objcap.CapabilityError
# grant: files=granted
names = ctx.files.listdir('sub/../..')
print("TOP SECRET: the call returned")  # reached only if the attack worked
