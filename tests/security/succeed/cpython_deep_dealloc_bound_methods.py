# Regression (CPython patch 0005): a million bound methods each wrapping the next recurse in C when they die
# It must simply complete: the chain dies without crashing the host.
class C:
    def m(self):
        pass

o = C()
m = o.m
for i in range(1_000_000):
    m = type(o.m)(m, m)
del m
print('ok')
