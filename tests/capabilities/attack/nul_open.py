# Technique: NUL byte in open('new\x00.txt', 'w')
# expect: ValueError
# grant: files=granted
ctx.files.open('new\x00.txt', 'w')
