# Technique: open('link_out', 'a') appends to ../secret.txt
# expect: objcap.CapabilityError
# grant: files=granted
with ctx.files.open('link_out', 'a') as f:
    f.write(' PWNED')
