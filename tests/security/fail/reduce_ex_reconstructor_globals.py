# Technique: __reduce_ex__(1) hands out copyreg._reconstructor; its globals
# expect: AttributeError
b = object().__reduce_ex__(1)[0].__globals__['__builtins__']
b = b if isinstance(b, dict) else vars(b)
b['open']('objcap-escape-marker', 'w').write('x')
