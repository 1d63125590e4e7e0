# Technique: ctx.storage was never granted
# expect: AttributeError
# grant: files=granted
print(ctx.storage)
