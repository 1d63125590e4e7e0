# Technique: a module's __dict__
# expect: AttributeError
import json
b = json.__dict__['__builtins__']
b = b if isinstance(b, dict) else vars(b)
b['open']('objcap-escape-marker', 'w').write('x')
