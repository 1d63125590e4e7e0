# Technique: read dirlink_out/secret.txt
# expect: objcap.CapabilityError
# grant: files=granted
print(ctx.files.read_text('dirlink_out/secret.txt'))
