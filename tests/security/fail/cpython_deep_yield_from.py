# Technique: a long chain of generators delegating with `yield from` recurses in C
# expect: RecursionError
def relay(inner):
    yield from inner

g = iter([1])
for i in range(200_000):
    g = relay(g)
next(g)
