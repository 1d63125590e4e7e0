# Technique: object.__new__(type(ctx.files))
# expect: TypeError
# grant: files=granted
print(object.__new__(type(ctx.files)))
