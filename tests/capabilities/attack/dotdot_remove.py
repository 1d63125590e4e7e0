# Technique: remove('../secret.txt')
# expect: objcap.CapabilityError
# grant: files=granted
ctx.files.remove('../secret.txt')
