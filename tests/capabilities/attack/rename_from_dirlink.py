# Technique: rename('dirlink_out/secret.txt', 'stolen.txt')
# expect: objcap.CapabilityError
# grant: files=granted
ctx.files.rename('dirlink_out/secret.txt', 'stolen.txt')
print(ctx.files.read_text('stolen.txt'))
