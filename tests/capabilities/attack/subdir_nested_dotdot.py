# Technique: subdir('sub').subdir('..') widens the narrower capability
# expect: objcap.CapabilityError
# grant: files=granted
ctx.files.subdir('sub').subdir('..')
print("TOP SECRET: the call returned")  # reached only if the attack worked
