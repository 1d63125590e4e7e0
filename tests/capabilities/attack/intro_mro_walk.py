# Technique: walk type(cap).__mro__ class dicts for host strings, then cap.__dict__
# expect: AttributeError
# grant: files=granted
for cls in type(ctx.files).__mro__:
    for name, value in cls.__dict__.items():
        if isinstance(value, (str, bytes)) and ('/' in str(value)) and name != '__doc__':
            print('TOP SECRET: host string in', cls, name, value)
print(ctx.files.__dict__)
