# Technique: help (pydoc helper): its __call__ globals
# expect: NameError
g = type(help).__call__.__globals__
b = g['__builtins__']
b = b if isinstance(b, dict) else vars(b)
b['open']('objcap-escape-marker', 'w').write('x')
