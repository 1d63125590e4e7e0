# Technique: open('../secret.txt', 'a') and append to the secret
# expect: objcap.CapabilityError
# grant: files=granted
with ctx.files.open('../secret.txt', 'a') as f:
    f.write(' PWNED')
