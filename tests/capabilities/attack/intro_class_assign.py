# Technique: ctx.files.__class__ = type(ctx.log)
# expect: TypeError | AttributeError
# grant: files=granted
# grant: log
ctx.files.__class__ = type(ctx.log)
print('TOP SECRET: __class__ replaced')
