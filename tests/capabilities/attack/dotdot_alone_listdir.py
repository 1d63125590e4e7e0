# Technique: '..' alone: listdir('..')
# expect: objcap.CapabilityError
# grant: files=granted
names = ctx.files.listdir('..')
print("TOP SECRET: the call returned")  # reached only if the attack worked
