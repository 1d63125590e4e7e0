# Technique: an unbound method called on a forged self
# expect: TypeError | AttributeError
# grant: files=granted
print(type(ctx.files).read_text(object(), 'notes.txt'))
