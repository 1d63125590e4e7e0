# Technique: mkdir('dirlink_out/pwned')
# expect: objcap.CapabilityError
# grant: files=granted
ctx.files.mkdir('dirlink_out/pwned')
