# Technique: type.__dict__ | Evil() hands Evil.__ror__ the type's real dict (bpo-43838)
# expect: AttributeError
class Evil:
    def __ror__(self, other):
        global leaked
        leaked = other
        return {}

int.__dict__ | Evil()
leaked['answer'] = 42   # patched CPython: a copy, so int is untouched
print((1).answer)
