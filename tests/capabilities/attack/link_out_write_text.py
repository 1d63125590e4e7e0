# Technique: write through link_out overwrites ../secret.txt
# expect: objcap.CapabilityError
# grant: files=granted
ctx.files.write_text('link_out', 'PWNED')
