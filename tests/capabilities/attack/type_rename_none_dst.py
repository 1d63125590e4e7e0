# Technique: rename('notes.txt', None); the TypeError names rename and dst
# expect: TypeError
# grant: files=granted
try:
    ctx.files.rename('notes.txt', None)
except TypeError as e:
    assert 'rename' in str(e) and 'dst' in str(e), str(e)
    raise
