# Technique: subdir('..')
# expect: objcap.CapabilityError
# grant: files=granted
print(ctx.files.subdir('..').read_text('secret.txt'))
