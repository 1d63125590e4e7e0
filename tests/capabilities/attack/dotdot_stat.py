# Technique: stat('../secret.txt') discloses the outside file
# expect: objcap.CapabilityError
# grant: files=granted
ctx.files.stat('../secret.txt')
print("TOP SECRET: the call returned")  # reached only if the attack worked
