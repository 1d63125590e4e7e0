# Technique: from .json import decoder: relative import of a real package path
# expect: ImportError
from .json import decoder
b = decoder.__builtins__
b = b if isinstance(b, dict) else vars(b)
b['open']('objcap-escape-marker', 'w').write('x')
