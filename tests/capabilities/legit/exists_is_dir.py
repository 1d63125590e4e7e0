# Technique: exists and is_dir inside the grant
# grant: files=granted
assert ctx.files.exists('notes.txt') and ctx.files.exists('sub')
assert not ctx.files.exists('missing.txt')
assert ctx.files.is_dir('sub') and ctx.files.is_dir('empty')
assert not ctx.files.is_dir('notes.txt')
