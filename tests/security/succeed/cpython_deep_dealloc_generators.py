# Regression (CPython patch 0005): unstarted generators each holding the next (`yield from` chains) die recursively
# It must simply complete: the chain dies without crashing the host.
def relay(inner):
    yield from inner

g = iter([1])
for i in range(200_000):
    g = relay(g)
del g
print('ok')
