# Technique: a stdlib function exposes its __builtins__
# expect: AttributeError
import json
b = json.dumps.__builtins__
b = b if isinstance(b, dict) else vars(b)
b['open']('objcap-escape-marker', 'w').write('x')
