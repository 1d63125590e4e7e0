# Technique: ctx.files.readonly() refuses writes although the grant is read-write
# expect: objcap.CapabilityError
# grant: files=granted
ctx.files.readonly().write_text('notes.txt', 'PWNED')
