# Technique: read-only single-file grant: ctx.file.open('a').write('PWNED')
# expect: objcap.CapabilityError
# grant: file=single.txt:ro
ctx.file.open('a').write('PWNED')
