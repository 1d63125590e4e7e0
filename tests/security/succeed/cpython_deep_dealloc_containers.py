# Regression (CPython patch 0005): chains of deques and slices, each holding the next, recurse in C when they die
# It must simply complete: the chain dies without crashing the host.
import collections
x = None
for i in range(1_000_000):
    x = collections.deque([x])
del x
y = None
for i in range(1_000_000):
    y = slice(y)
del y
print('ok')
