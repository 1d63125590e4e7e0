# Technique: mkdir('sub/../../pwned', parents=True)
# expect: objcap.CapabilityError
# grant: files=granted
ctx.files.mkdir('sub/../../pwned', parents=True)
