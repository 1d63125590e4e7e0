# Technique: type(ctx.files)() forges a capability
# expect: TypeError
# grant: files=granted
print(type(ctx.files)())
