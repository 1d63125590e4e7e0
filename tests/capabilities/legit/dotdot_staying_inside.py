# Technique: '..' that does not climb out: sub/../notes.txt
# grant: files=granted
assert ctx.files.read_text('sub/../notes.txt') == 'hello\nworld\n'
assert ctx.files.read_text('./sub/inner.txt') == 'inner\n'
