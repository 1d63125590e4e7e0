# Technique: import-delegate protection: __import__.__globals__ (2007 objcap test)
# expect: AttributeError
b = __import__.__globals__['__builtins__']
b = b if isinstance(b, dict) else vars(b)
b['open']('objcap-escape-marker', 'w').write('x')
