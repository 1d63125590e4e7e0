# Technique: exec() inserts __builtins__ into a fresh globals dict
# expect: KeyError
g = {}
exec('pass', g)
b = g['__builtins__']
b = b if isinstance(b, dict) else vars(b)
b['open']('objcap-escape-marker', 'w').write('x')
