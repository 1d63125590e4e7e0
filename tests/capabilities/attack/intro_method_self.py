# Technique: ctx.files.read_text.__self__ (bound method back to the object)
# expect: AttributeError
# grant: files=granted
print(ctx.files.read_text.__self__)
