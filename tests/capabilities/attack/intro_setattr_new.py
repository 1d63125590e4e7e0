# Technique: set a new attribute on a capability
# expect: AttributeError
# grant: files=granted
ctx.files.root = '/'
