# Technique: format-string attribute walk: '{0.__dict__}'
# expect: AttributeError
# grant: files=granted
print('{0.__dict__}'.format(ctx.files))
