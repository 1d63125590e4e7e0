# Technique: ctx.files.__reduce_ex__(2)
# expect: TypeError
# grant: files=granted
print(ctx.files.__reduce_ex__(2))
