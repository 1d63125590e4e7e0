# Technique: recursion through __getattr__
# expect: RecursionError
class Loop:
    def __getattr__(self, name):
        return getattr(self, name + 'x')
Loop().a
