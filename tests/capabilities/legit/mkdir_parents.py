# Technique: mkdir with and without parents
# grant: files=granted
ctx.files.mkdir('scratch')
ctx.files.mkdir('scratch/a/b/c', parents=True)
assert ctx.files.is_dir('scratch/a/b/c')
try:
    ctx.files.mkdir('scratch/x/y')
    raise AssertionError('mkdir without parents created the parents')
except FileNotFoundError:
    pass
