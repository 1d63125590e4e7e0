# Technique: '..' in the middle: read_text('sub/../../secret.txt')
# expect: objcap.CapabilityError
# grant: files=granted
print(ctx.files.read_text('sub/../../secret.txt'))
