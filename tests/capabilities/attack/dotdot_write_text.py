# Technique: write_text('../pwned', ...) creates a file next to the granted directory
# expect: objcap.CapabilityError
# grant: files=granted
ctx.files.write_text('../pwned', 'escaped')
