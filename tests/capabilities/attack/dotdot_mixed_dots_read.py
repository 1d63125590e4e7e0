# Technique: '.' and '..' mixed: read_text('sub/./../empty/../../secret.txt')
# expect: objcap.CapabilityError
# grant: files=granted
print(ctx.files.read_text('sub/./../empty/../../secret.txt'))
