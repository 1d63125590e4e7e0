# Technique: path=b'notes.txt' (bytes are not paths)
# expect: TypeError
# grant: files=granted
ctx.files.read_text(b'notes.txt')
