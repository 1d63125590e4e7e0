# Technique: read_text with an explicit encoding
# grant: files=granted
assert ctx.files.read_text('café ☕.txt', encoding='latin-1') == 'unicode\n'
assert ctx.files.read_text('notes.txt', 'ascii') == 'hello\nworld\n'
