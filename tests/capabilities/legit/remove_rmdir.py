# Technique: remove a file, rmdir a directory
# grant: files=granted
ctx.files.mkdir('scratch/d', parents=True)
ctx.files.write_text('scratch/d/f.txt', 'x')
ctx.files.remove('scratch/d/f.txt')
assert not ctx.files.exists('scratch/d/f.txt')
ctx.files.rmdir('scratch/d')
assert ctx.files.listdir('scratch') == []
