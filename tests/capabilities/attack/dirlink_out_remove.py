# Technique: remove through a directory link: remove('dirlink_out/secret.txt')
# expect: objcap.CapabilityError
# grant: files=granted
ctx.files.remove('dirlink_out/secret.txt')
