# Technique: the single-file grant writes its file (and restores it: the runner checks it is unchanged)
# grant: file=single.txt
original = ctx.file.read_bytes()
assert ctx.file.read_only is False
ctx.file.write_text('changed\n')
assert ctx.file.read_text() == 'changed\n'
with ctx.file.open('a') as f:
    f.write('more\n')
assert ctx.file.read_text() == 'changed\nmore\n'
ctx.file.write_bytes(original)
assert ctx.file.read_bytes() == original
