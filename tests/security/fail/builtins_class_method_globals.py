# Technique: a public stdlib class's method: __globals__['__builtins__']
# expect: AttributeError
import json
b = json.JSONDecoder.decode.__globals__['__builtins__']
b = b if isinstance(b, dict) else vars(b)
b['open']('objcap-escape-marker', 'w').write('x')
