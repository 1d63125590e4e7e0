# Technique: a unicode file name is listed and readable
# grant: files=granted
assert 'café ☕.txt' in ctx.files.listdir()
assert ctx.files.read_text('café ☕.txt') == 'unicode\n'
