# Technique: ctx.files.__class__ = a plugin class with a permissive __getattr__
# expect: TypeError | AttributeError
# grant: files=granted
class Mine:
    def __getattr__(self, name):
        return name
ctx.files.__class__ = Mine
print('TOP SECRET: __class__ replaced', ctx.files.anything)
