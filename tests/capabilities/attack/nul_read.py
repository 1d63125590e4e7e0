# Technique: NUL byte truncation: read_text('notes.txt\x00.png')
# expect: ValueError
# grant: files=granted
ctx.files.read_text('notes.txt\x00.png')
