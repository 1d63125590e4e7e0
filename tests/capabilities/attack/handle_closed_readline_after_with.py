# Technique: readline() after the with block closed the handle
# expect: ValueError
# grant: files=granted
with ctx.files.open('notes.txt', 'r') as f:
    pass
print(f.readline())
