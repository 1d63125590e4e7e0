# Technique: read sub/link_up -> ../../secret.txt
# expect: objcap.CapabilityError
# grant: files=granted
print(ctx.files.read_text('sub/link_up'))
