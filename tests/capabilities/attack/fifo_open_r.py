# Technique: open('fifo', 'r') must be refused, not block
# expect: objcap.CapabilityError
# grant: files=granted
ctx.files.open('fifo', 'r')
