# Checks: the ordinary builtins a plugin needs
assert sorted([3, 1, 2], reverse=True) == [3, 2, 1]
assert list(map(str, range(3))) == ['0', '1', '2'] and any([0, 1]) and all([1, 1])
assert isinstance(vars(type('T', (), {'a': 1}))['a'], int)
assert getattr(3, 'real') == 3 and hasattr([], 'append')
assert divmod(7, 2) == (3, 1) and round(2.675, 2) == 2.67 and abs(-3) == 3
assert bytes(range(3)) == b'\x00\x01\x02' and bytearray(b'a') + b'b' == b'ab'
assert repr(object()).startswith('<object') and id(1) == id(1)
assert type(lambda: 0).__name__ == 'function' and callable(len)
print('builtins ok')
