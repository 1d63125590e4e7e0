# Technique: read_bytes('../secret.txt')
# expect: objcap.CapabilityError
# grant: files=granted
print(ctx.files.read_bytes('../secret.txt').decode())
