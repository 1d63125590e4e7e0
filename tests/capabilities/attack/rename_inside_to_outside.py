# Technique: rename('notes.txt', '../pwned')
# expect: objcap.CapabilityError
# grant: files=granted
ctx.files.rename('notes.txt', '../pwned')
