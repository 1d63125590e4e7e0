# Technique: read_only is True for a :ro grant
# grant: files=granted:ro
assert ctx.files.read_only is True
assert ctx.files.readonly().read_only is True
