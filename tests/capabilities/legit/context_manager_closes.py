# Technique: a handle is a context manager and is closed afterwards
# grant: files=granted
with ctx.files.open('notes.txt') as f:
    assert f.read() == 'hello\nworld\n'
try:
    f.read()
    raise AssertionError('the handle stayed open after the with block')
except ValueError:
    pass
