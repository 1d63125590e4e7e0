# Technique: write_text('dirlink_out/pwned') creates a file outside
# expect: objcap.CapabilityError
# grant: files=granted
ctx.files.write_text('dirlink_out/pwned', 'escaped')
