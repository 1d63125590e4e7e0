# Technique: read_bytes of a granted file
# grant: files=granted
assert ctx.files.read_bytes('notes.txt') == b'hello\nworld\n'
