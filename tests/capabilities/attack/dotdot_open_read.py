# Technique: open('../secret.txt', 'r')
# expect: objcap.CapabilityError
# grant: files=granted
with ctx.files.open('../secret.txt', 'r') as f:
    print(f.read())
