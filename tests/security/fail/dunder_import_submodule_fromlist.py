# Technique: __import__ of a submodule of an allowed package
# expect: ImportError
d = __import__('json.decoder', fromlist=['scanstring'])
b = d.__builtins__
b = b if isinstance(b, dict) else vars(b)
b['open']('objcap-escape-marker', 'w').write('x')
