# Technique: ctx.file.__class__ = type(ctx.files): type confusion between capability kinds
# expect: TypeError | AttributeError
# grant: files=granted
# grant: file=single.txt
ctx.file.__class__ = type(ctx.files)
print('TOP SECRET: __class__ replaced')
