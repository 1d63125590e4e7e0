# Technique: a million nested itertools.chain() iterators overflow the C stack
# expect: RecursionError
import itertools
x = iter([1])
for i in range(1_000_000):
    x = itertools.chain(x)
next(x)
