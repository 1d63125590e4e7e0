# Technique: __builtins__['open'] (dict or module normalised to its dict)
# expect: KeyError
b = __builtins__
b = b if isinstance(b, dict) else vars(b)
b['open']('objcap-escape-marker', 'w').write('x')
