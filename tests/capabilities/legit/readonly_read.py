# Technique: readonly() and a read-only grant still read, list and stat
# grant: files=granted:ro
for cap in (ctx.files, ctx.files.readonly(), ctx.files.subdir('sub')):
    assert cap.listdir()
assert ctx.files.read_text('notes.txt') == 'hello\nworld\n'
assert ctx.files.readonly().read_bytes('link_in') == b'hello\nworld\n'
assert ctx.files.stat('notes.txt')['size'] == 12
with ctx.files.open('notes.txt', 'rb') as f:
    assert f.read() == b'hello\nworld\n'
