# Technique: rename('../secret.txt', 'stolen.txt') pulls the secret in
# expect: objcap.CapabilityError
# grant: files=granted
ctx.files.rename('../secret.txt', 'stolen.txt')
print(ctx.files.read_text('stolen.txt'))
