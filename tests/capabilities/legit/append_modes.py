# Technique: open with 'a' and 'ab' appends
# grant: files=granted
ctx.files.mkdir('scratch')
ctx.files.write_text('scratch/log.txt', 'one\n')
with ctx.files.open('scratch/log.txt', 'a') as f:
    f.write('two\n')
with ctx.files.open('scratch/log.txt', 'ab') as f:
    f.write(b'three\n')
assert ctx.files.read_text('scratch/log.txt') == 'one\ntwo\nthree\n'
