# Technique: climbing out and back in: read_text('../granted/notes.txt') must be refused too
# expect: objcap.CapabilityError
# grant: files=granted
ctx.files.read_text('../granted/notes.txt')
print("TOP SECRET: the call returned")  # reached only if the attack worked
