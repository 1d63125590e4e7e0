# Technique: vars(ctx.files)
# expect: TypeError
# grant: files=granted
print(vars(ctx.files))
