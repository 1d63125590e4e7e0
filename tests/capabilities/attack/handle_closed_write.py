# Technique: write() after close() on a writable handle
# expect: ValueError
# grant: files=granted
# allow-changes-inside: yes
ctx.files.mkdir('scratch')
f = ctx.files.open('scratch/out.txt', 'w')
f.close()
f.write('late')
