# Checks: random.Random(42) is reproducible
import random
a, b = random.Random(42), random.Random(42)
seq = [a.random() for _ in range(5)]
assert seq == [b.random() for _ in range(5)]
r = random.Random(7)
items = list(range(10))
r.shuffle(items)
assert sorted(items) == list(range(10))
assert 1 <= r.randint(1, 6) <= 6 and r.choice('abc') in 'abc'
print('random ok')
