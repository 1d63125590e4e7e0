# Technique: write_bytes through the chain link_chain1 -> link_chain2 -> ../secret.txt
# expect: objcap.CapabilityError
# grant: files=granted
ctx.files.write_bytes('link_chain1', b'PWNED')
