# Technique: seek/tell/read(n) on a binary handle
# grant: files=granted
with ctx.files.open('notes.txt', 'rb') as f:
    assert f.read(5) == b'hello'
    assert f.tell() == 5
    f.seek(6)
    assert f.read() == b'world\n'
    f.seek(-3, 2)
    assert f.read() == b'ld\n'
    f.seek(0)
    assert f.tell() == 0 and f.read(1) == b'h'
