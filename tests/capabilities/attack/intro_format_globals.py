# Technique: format-string walk to globals: '{0.__class__.__init__.__globals__}'
# expect: AttributeError
# grant: files=granted
print('{0.__class__.__init__.__globals__}'.format(ctx.files))
