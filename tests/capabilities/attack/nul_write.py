# Technique: NUL byte in a written name: write_text('pwned\x00.txt', ...)
# expect: ValueError
# grant: files=granted
ctx.files.write_text('pwned\x00.txt', 'x')
