# Technique: import __main__ and use its __builtins__
# expect: ImportError
import __main__
b = __main__.__builtins__
b = b if isinstance(b, dict) else vars(b)
b['open']('objcap-escape-marker', 'w').write('x')
