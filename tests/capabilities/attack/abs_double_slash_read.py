# Technique: '//' prefix: read_text('//proc/self/cwd/secret.txt')
# expect: objcap.CapabilityError
# grant: files=granted
print(ctx.files.read_text('//proc/self/cwd/secret.txt'))
