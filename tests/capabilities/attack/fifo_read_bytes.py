# Technique: read_bytes('fifo') must be refused, not block
# expect: objcap.CapabilityError
# grant: files=granted
ctx.files.read_bytes('fifo')
