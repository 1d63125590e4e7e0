# Technique: read_only is False for a read-write grant, True for readonly() and its subdirs
# grant: files=granted
assert ctx.files.read_only is False
ro = ctx.files.readonly()
assert ro.read_only is True
assert ro.subdir('sub').read_only is True
assert ctx.files.read_only is False  # readonly() returned a copy
