# Technique: a handle from readonly() reads and iterates
# grant: files=granted
with ctx.files.readonly().open('sub/inner.txt', 'r') as f:
    assert [line for line in f] == ['inner\n']
