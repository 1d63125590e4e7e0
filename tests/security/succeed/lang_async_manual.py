# Checks: async def driven by hand with coroutine.send(None)
class Yield:
    def __await__(self):
        got = yield 'paused'
        return got
async def inner(x):
    v = await Yield()
    return x + v
async def outer():
    return await inner(1) * 10
co = outer()
assert co.send(None) == 'paused'
try:
    co.send(4)
except StopIteration as stop:
    assert stop.value == 50
async def agen():
    for i in range(2):
        yield i
a = agen()
try:
    a.__anext__().send(None)
except StopIteration as stop:
    assert stop.value == 0
print('async ok')
