# Technique: a module's own __builtins__ entry
# expect: AttributeError
import json
b = json.__builtins__
b = b if isinstance(b, dict) else vars(b)
b['open']('objcap-escape-marker', 'w').write('x')
