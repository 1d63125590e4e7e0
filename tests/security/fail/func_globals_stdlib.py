# Technique: json.dumps.__globals__ holds the real __builtins__
# expect: AttributeError
import json
b = json.dumps.__globals__['__builtins__']
b = b if isinstance(b, dict) else vars(b)
b['open']('objcap-escape-marker', 'w').write('x')
