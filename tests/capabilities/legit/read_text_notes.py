# Technique: read_text of a granted file
# grant: files=granted
assert ctx.files.read_text('notes.txt') == 'hello\nworld\n'
