# Regression (CPython patch 0005): chains of property/staticmethod/classmethod objects recurse in C when they die
# It must simply complete: the chain dies without crashing the host.
for kind in (property, staticmethod, classmethod):
    x = None
    for i in range(500_000):
        x = kind(x)
    del x
print('ok')
