# Technique: nested filter/zip/enumerate iterators, consumed by list(), overflow the C stack
# expect: RecursionError
x = iter([1])
for i in range(400_000):
    x = (filter(None, x), zip(x), enumerate(x))[i % 3]
list(x)
