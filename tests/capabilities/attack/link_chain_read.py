# Technique: read through link_chain1 -> link_chain2 -> ../secret.txt
# expect: objcap.CapabilityError
# grant: files=granted
print(ctx.files.read_text('link_chain1'))
