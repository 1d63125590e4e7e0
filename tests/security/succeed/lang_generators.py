# Checks: generators, send, yield from, generator expressions
def counter(n):
    for i in range(n):
        yield i
def echo():
    total = 0
    while True:
        x = yield total
        total += x
def both():
    yield from counter(2)
    yield from 'ab'
assert list(counter(3)) == [0, 1, 2] and list(both()) == [0, 1, 'a', 'b']
e = echo()
next(e)
assert e.send(5) == 5 and e.send(2) == 7
assert sum(x * x for x in range(4)) == 14
print('generators ok')
