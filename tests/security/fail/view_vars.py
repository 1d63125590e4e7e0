# Technique: vars(module) needs __dict__, which a view does not expose
# expect: TypeError
import json
b = vars(json)['__builtins__']
b = b if isinstance(b, dict) else vars(b)
b['open']('objcap-escape-marker', 'w').write('x')
