# Technique: the site exit object: its class's __call__ globals hold sys
# expect: NameError
g = type(exit).__call__.__globals__
b = g['__builtins__']
b = b if isinstance(b, dict) else vars(b)
b['open']('objcap-escape-marker', 'w').write('x')
