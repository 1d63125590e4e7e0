# Technique: rename a file and a directory inside the grant
# grant: files=granted
ctx.files.mkdir('scratch/d', parents=True)
ctx.files.write_text('scratch/d/a.txt', 'A')
ctx.files.rename('scratch/d/a.txt', 'scratch/d/b.txt')
assert ctx.files.listdir('scratch/d') == ['b.txt']
ctx.files.rename('scratch/d', 'scratch/e')
assert ctx.files.read_text('scratch/e/b.txt') == 'A'
assert not ctx.files.exists('scratch/d')
