# Technique: operator.attrgetter('__globals__') (C-level getattr)
# expect: AttributeError
import json, operator
b = operator.attrgetter('__globals__')(json.dumps)['__builtins__']
b = b if isinstance(b, dict) else vars(b)
b['open']('objcap-escape-marker', 'w').write('x')
