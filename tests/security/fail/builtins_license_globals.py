# Technique: license (_Printer reads LICENSE files): its methods' globals
# expect: NameError
g = type(license).__repr__.__globals__
b = g['__builtins__']
b = b if isinstance(b, dict) else vars(b)
b['open']('objcap-escape-marker', 'w').write('x')
