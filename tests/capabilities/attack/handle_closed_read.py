# Technique: read() after close()
# expect: ValueError
# grant: files=granted
f = ctx.files.open('notes.txt', 'r')
f.close()
print(f.read())
