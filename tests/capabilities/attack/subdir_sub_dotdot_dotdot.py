# Technique: subdir('sub/../..')
# expect: objcap.CapabilityError
# grant: files=granted
print(ctx.files.subdir('sub/../..').read_text('secret.txt'))
