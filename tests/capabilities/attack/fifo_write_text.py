# Technique: write_text('fifo', ...) must be refused, not block
# expect: objcap.CapabilityError
# grant: files=granted
ctx.files.write_text('fifo', 'x')
