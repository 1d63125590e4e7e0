# Technique: '..' as the first component: read_text('../secret.txt')
# expect: objcap.CapabilityError
# grant: files=granted
print(ctx.files.read_text('../secret.txt'))
