# Technique: read_text('fifo') must be refused, not block
# expect: objcap.CapabilityError
# grant: files=granted
ctx.files.read_text('fifo')
