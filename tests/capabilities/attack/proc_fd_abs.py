# Technique: /proc/self/fd/N names the host's open descriptors
# expect: objcap.CapabilityError
# grant: files=granted
h = ctx.files.open('notes.txt', 'r')
for n in range(64):
    ctx.files.read_bytes(f'/proc/self/fd/{n}')
    print('TOP SECRET: read /proc/self/fd/%d' % n)
