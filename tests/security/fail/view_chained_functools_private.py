# Technique: re.functools is an allowed module: still no private names through it
# expect: AttributeError
import re
b = re.functools._make_key.__globals__['__builtins__']
b = b if isinstance(b, dict) else vars(b)
b['open']('objcap-escape-marker', 'w').write('x')
