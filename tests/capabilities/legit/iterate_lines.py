# Technique: iteration and readline over a text handle
# grant: files=granted
with ctx.files.open('notes.txt', 'r') as f:
    assert list(f) == ['hello\n', 'world\n']
f = ctx.files.open('notes.txt', 'r')
assert f.readline() == 'hello\n'
assert f.readline() == 'world\n'
assert f.readline() == ''
f.close()
