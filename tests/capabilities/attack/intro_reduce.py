# Technique: ctx.files.__reduce__()
# expect: TypeError
# grant: files=granted
print(ctx.files.__reduce__())
