# Technique: read-only single-file grant: ctx.file.write_text('PWNED')
# expect: objcap.CapabilityError
# grant: file=single.txt:ro
ctx.file.write_text('PWNED')
