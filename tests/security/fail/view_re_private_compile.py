# Technique: re._compile and its globals
# expect: AttributeError
import re
b = re._compile.__globals__['__builtins__']
b = b if isinstance(b, dict) else vars(b)
b['open']('objcap-escape-marker', 'w').write('x')
