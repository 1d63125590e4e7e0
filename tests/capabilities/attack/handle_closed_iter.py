# Technique: iterating a closed handle
# expect: ValueError
# grant: files=granted
f = ctx.files.open('notes.txt', 'r')
f.close()
for line in f:
    print(line)
