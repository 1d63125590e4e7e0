# Technique: proc_root/proc/self/fd/N: the descriptors through the in-tree link to /proc/self/root
# expect: objcap.CapabilityError
# grant: files=granted
h = ctx.files.open('notes.txt', 'r')
for n in range(64):
    ctx.files.read_bytes(f'proc_root/proc/self/fd/{n}')
    print('TOP SECRET: read fd %d' % n)
