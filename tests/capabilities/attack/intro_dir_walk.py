# Technique: dir(cap) holds only the documented names, none of them a host path or descriptor; then cap.__dict__
# expect: AttributeError
# grant: files=granted
api = {'read_text', 'read_bytes', 'write_text', 'write_bytes', 'open', 'listdir', 'exists', 'is_dir',
       'stat', 'mkdir', 'remove', 'rmdir', 'rename', 'subdir', 'readonly', 'read_only'}
public = {n for n in dir(ctx.files) if not (n.startswith('__') and n.endswith('__'))}
assert public <= api, 'undocumented names: %s' % sorted(public - api)
for n in public:
    v = getattr(ctx.files, n)
    assert callable(v) or isinstance(v, bool), 'data attribute %s = %r' % (n, v)
print(ctx.files.__dict__)
