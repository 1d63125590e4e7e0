# Technique: a symlink that stays inside (link_in -> notes.txt) is followed
# grant: files=granted
assert ctx.files.read_text('link_in') == 'hello\nworld\n'
