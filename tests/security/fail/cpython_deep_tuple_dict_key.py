# Technique: a deeply nested tuple used as a dict key hashes recursively in C
# expect: RecursionError
t = ()
for i in range(1_000_000):
    t = (t,)
{t: 1}
