# Technique: a handle opened with 'r' cannot write
# expect: objcap.CapabilityError
# grant: files=granted
f = ctx.files.open('notes.txt', 'r')
f.write('PWNED')
