# Technique: path=None; the TypeError names the method and the parameter
# expect: TypeError
# grant: files=granted
try:
    ctx.files.read_text(None)
except TypeError as e:
    assert 'read_text' in str(e) and 'path' in str(e), str(e)
    raise
