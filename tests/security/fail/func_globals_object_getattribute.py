# Technique: object.__getattribute__(f, '__globals__')
# expect: AttributeError
import json
b = object.__getattribute__(json.dumps, '__globals__')['__builtins__']
b = b if isinstance(b, dict) else vars(b)
b['open']('objcap-escape-marker', 'w').write('x')
