# Technique: a handle opened with 'rb' cannot write
# expect: objcap.CapabilityError
# grant: files=granted
f = ctx.files.open('notes.txt', 'rb')
f.write(b'PWNED')
