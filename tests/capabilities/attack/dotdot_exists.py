# Technique: exists('../secret.txt') is an outside probe too, not a False
# expect: objcap.CapabilityError
# grant: files=granted
ctx.files.exists('../secret.txt')
print("TOP SECRET: the call returned")  # reached only if the attack worked
