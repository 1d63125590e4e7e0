# Technique: open with 'x'/'xb' creates new files; a second 'x' is FileExistsError
# grant: files=granted
ctx.files.mkdir('scratch')
with ctx.files.open('scratch/new.txt', 'x') as f:
    f.write('fresh')
with ctx.files.open('scratch/new.bin', 'xb') as f:
    f.write(b'\x00\x01')
assert ctx.files.read_text('scratch/new.txt') == 'fresh'
assert ctx.files.read_bytes('scratch/new.bin') == b'\x00\x01'
try:
    ctx.files.open('scratch/new.txt', 'x')
    raise AssertionError('x mode overwrote an existing file')
except FileExistsError:
    pass
