# Technique: stat returns size, mtime and is_dir
# grant: files=granted
st = ctx.files.stat('notes.txt')
assert {'size', 'mtime', 'is_dir'} <= set(st), st
assert st['size'] == 12 and st['is_dir'] is False
assert isinstance(st['mtime'], (int, float)) and st['mtime'] > 0
assert ctx.files.stat('sub')['is_dir'] is True
