# Technique: ctx.files.__dict__
# expect: AttributeError
# grant: files=granted
print(ctx.files.__dict__)
