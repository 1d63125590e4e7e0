# Technique: copyright (_Printer): its __init__ globals
# expect: NameError
g = type(copyright).__init__.__globals__
b = g['__builtins__']
b = b if isinstance(b, dict) else vars(b)
b['open']('objcap-escape-marker', 'w').write('x')
