# Technique: subclassing type(ctx.log)
# expect: TypeError
# grant: log
class Mine(type(ctx.log)):
    pass
print(Mine)
