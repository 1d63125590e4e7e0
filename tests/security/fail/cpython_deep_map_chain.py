# Technique: a million nested map() iterators overflow the C stack on next()
# expect: RecursionError
x = iter([1])
for i in range(1_000_000):
    x = map(abs, x)
next(x)
