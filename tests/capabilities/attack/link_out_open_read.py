# Technique: open('link_out', 'r') and read
# expect: objcap.CapabilityError
# grant: files=granted
with ctx.files.open('link_out', 'r') as f:
    print(f.read())
