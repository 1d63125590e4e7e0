# Technique: rename('notes.txt', 'dirlink_out/pwned')
# expect: objcap.CapabilityError
# grant: files=granted
ctx.files.rename('notes.txt', 'dirlink_out/pwned')
