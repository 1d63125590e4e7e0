# Technique: int.__dict__ == Evil() hands Evil.__eq__ the type's real dict (bpo-43838)
# expect: AttributeError
class Evil:
    def __eq__(self, other):
        global leaked
        leaked = other
        return NotImplemented
    __hash__ = None

int.__dict__ == Evil()
leaked['answer'] = 42   # patched CPython: a copy, so int is untouched
print((1).answer)
