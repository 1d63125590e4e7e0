# Technique: absolute path listdir('/')
# expect: objcap.CapabilityError
# grant: files=granted
ctx.files.listdir('/')
print("TOP SECRET: the call returned")  # reached only if the attack worked
