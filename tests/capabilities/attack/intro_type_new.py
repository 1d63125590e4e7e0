# Technique: type(ctx.files).__new__(type(ctx.files))
# expect: TypeError
# grant: files=granted
t = type(ctx.files)
print(t.__new__(t))
