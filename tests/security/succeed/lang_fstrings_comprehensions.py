# Checks: f-strings, format specs, comprehensions, unpacking, match
x, width = 3.14159, 8
assert f'{x:.2f}' == '3.14' and f'{x:>{width}.1f}' == '     3.1' and f'{x=:.1f}' == 'x=3.1'
assert f'{"nested" + "!"!r}' == "'nested!'"
assert [i * i for i in range(5) if i % 2] == [1, 9]
assert {k: v for k, v in zip('ab', (1, 2))} == {'a': 1, 'b': 2}
assert {c for c in 'hello'} == set('helo')
first, *rest = [1, 2, 3]
assert rest == [2, 3] and {**{'a': 1}, 'b': 2} == {'a': 1, 'b': 2}
def kind(v):
    match v:
        case {'type': 'point', 'x': px}:
            return px
        case [a, b]:
            return a + b
        case _:
            return None
assert kind({'type': 'point', 'x': 4}) == 4 and kind([1, 2]) == 3 and kind(0) is None
print('fstrings ok')
