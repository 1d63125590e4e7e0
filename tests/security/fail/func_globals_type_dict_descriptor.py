# Technique: vars(type(f))['__globals__'].__get__(f): the member descriptor itself
# expect: AttributeError
import json
b = vars(type(json.dumps))['__globals__'].__get__(json.dumps)['__builtins__']
b = b if isinstance(b, dict) else vars(b)
b['open']('objcap-escape-marker', 'w').write('x')
