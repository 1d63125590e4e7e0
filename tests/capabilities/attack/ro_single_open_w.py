# Technique: read-only single-file grant: ctx.file.open('w')
# expect: objcap.CapabilityError
# grant: file=single.txt:ro
ctx.file.open('w')
