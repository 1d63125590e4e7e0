# Technique: read through link_out -> ../secret.txt
# expect: objcap.CapabilityError
# grant: files=granted
print(ctx.files.read_text('link_out'))
