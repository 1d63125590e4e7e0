# Technique: NUL byte in mkdir('a\x00b')
# expect: ValueError
# grant: files=granted
ctx.files.mkdir('a\x00b')
