# Technique: NUL byte in subdir('sub\x00')
# expect: ValueError
# grant: files=granted
ctx.files.subdir('sub\x00')
