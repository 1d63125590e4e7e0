# Technique: subclassing type(ctx.files)
# expect: TypeError
# grant: files=granted
class Mine(type(ctx.files)):
    pass
print(Mine)
