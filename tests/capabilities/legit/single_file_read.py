# Technique: the single-file grant reads and stats its file
# grant: file=single.txt:ro
assert ctx.file.read_text() == 'single file\n'
assert ctx.file.read_bytes() == b'single file\n'
assert ctx.file.read_only is True
assert ctx.file.stat()['size'] == 12
with ctx.file.open('r') as f:
    assert f.readline() == 'single file\n'
