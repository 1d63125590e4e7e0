# Technique: read-only single-file grant: ctx.file.write_bytes(b'PWNED')
# expect: objcap.CapabilityError
# grant: file=single.txt:ro
ctx.file.write_bytes(b'PWNED')
