# Technique: hash() of a tuple nested a million levels overflows the C stack
# expect: RecursionError
t = ()
for i in range(1_000_000):
    t = (t,)
hash(t)
