# Technique: open with 'w' and 'wb' truncates and writes
# grant: files=granted
ctx.files.mkdir('scratch')
ctx.files.write_text('scratch/f.txt', 'a long first content')
with ctx.files.open('scratch/f.txt', 'w') as f:
    f.write('new')
assert ctx.files.read_text('scratch/f.txt') == 'new'
with ctx.files.open('scratch/f.txt', 'wb') as f:
    f.write(b'raw')
assert ctx.files.read_bytes('scratch/f.txt') == b'raw'
