# Technique: type(ctx.files)('/proc/self/cwd') forges a capability on a chosen path
# expect: TypeError
# grant: files=granted
print(type(ctx.files)('/proc/self/cwd').read_text('secret.txt'))
