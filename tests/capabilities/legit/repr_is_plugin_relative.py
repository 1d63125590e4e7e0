# Technique: repr/str of the capabilities show the kind and the plugin-relative scope, no host path
# grant: files=granted
# grant: file=single.txt
# grant: log
for cap in (ctx.files, ctx.files.subdir('sub'), ctx.files.readonly(), ctx.file, ctx.log):
    r = repr(cap)
    print(r, str(cap), f'{cap!r}')  # the runner checks no host path is printed
    assert '/tmp' not in r and not r.startswith('/'), r
assert 'sub' in repr(ctx.files.subdir('sub'))
