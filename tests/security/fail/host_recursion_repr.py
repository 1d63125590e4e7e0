# Technique: recursion through __repr__ (C and Python frames interleaved)
# expect: RecursionError
class Loop:
    def __repr__(self):
        return repr(self)
repr(Loop())
