# Technique: f.__getattribute__('__globals__')
# expect: AttributeError
import json
b = json.dumps.__getattribute__('__globals__')['__builtins__']
b = b if isinstance(b, dict) else vars(b)
b['open']('objcap-escape-marker', 'w').write('x')
