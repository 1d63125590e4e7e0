# Technique: open('notes.txt', 1)
# expect: TypeError
# grant: files=granted
ctx.files.open('notes.txt', 1)
