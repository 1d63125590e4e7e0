# Checks: exec, eval and compile of source text
g = {}
exec('x = 1\ndef f(y):\n    return x + y', g)
assert g['x'] == 1 and g['f'](2) == 3
assert eval(compile('1 + 1', '<s>', 'eval')) == 2
assert eval('a * b', {'a': 6, 'b': 7}) == 42
code = compile('result = [n * 2 for n in data]', '<s>', 'exec')
ns = {'data': [1, 2]}
exec(code, ns)
assert ns['result'] == [2, 4]
exec(b'z = 5', ns)
assert ns['z'] == 5
print('exec ok')
