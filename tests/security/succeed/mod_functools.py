# Checks: lru_cache, partial, reduce, wraps, singledispatch
import functools
@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
assert fib(50) == 12586269025 and fib.cache_info().hits > 0
assert functools.partial(int, base=2)('101') == 5
assert functools.reduce(lambda a, b: a * b, range(1, 6)) == 120
def deco(f):
    @functools.wraps(f)
    def inner(*a):
        return f(*a)
    return inner
@deco
def named(): 'doc'
assert named.__name__ == 'named' and named.__doc__ == 'doc'
@functools.singledispatch
def kind(x): return 'object'
@kind.register
def _(x: int): return 'int'
assert kind(1) == 'int' and kind('s') == 'object'
print('functools ok')
