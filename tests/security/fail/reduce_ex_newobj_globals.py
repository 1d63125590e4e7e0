# Technique: object().__reduce_ex__(2) hands out copyreg.__newobj__; its globals
# expect: AttributeError
b = object().__reduce_ex__(2)[0].__globals__['__builtins__']
b = b if isinstance(b, dict) else vars(b)
b['open']('objcap-escape-marker', 'w').write('x')
