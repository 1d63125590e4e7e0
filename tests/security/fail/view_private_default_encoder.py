# Technique: json._default_encoder (any underscore name)
# expect: AttributeError
import json
b = type(json._default_encoder).__init__.__globals__['__builtins__']
b = b if isinstance(b, dict) else vars(b)
b['open']('objcap-escape-marker', 'w').write('x')
