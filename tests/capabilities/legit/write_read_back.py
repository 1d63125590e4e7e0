# Technique: write_text then read_text, write_bytes then read_bytes (scratch)
# grant: files=granted
ctx.files.mkdir('scratch')
ctx.files.write_text('scratch/a.txt', 'ünïcode\n')
assert ctx.files.read_text('scratch/a.txt') == 'ünïcode\n'
ctx.files.write_bytes('scratch/b.bin', bytes(range(256)))
assert ctx.files.read_bytes('scratch/b.bin') == bytes(range(256))
ctx.files.write_text('scratch/a.txt', 'short')
assert ctx.files.read_text('scratch/a.txt') == 'short'
