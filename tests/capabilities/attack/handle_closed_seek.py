# Technique: seek() after close()
# expect: ValueError
# grant: files=granted
f = ctx.files.open('notes.txt', 'rb')
f.close()
f.seek(0)
