# Technique: object's __getattribute__ slot wrapper from vars(object)
# expect: AttributeError
import json
b = vars(object)['__getattribute__'](json.dumps, '__globals__')['__builtins__']
b = b if isinstance(b, dict) else vars(b)
b['open']('objcap-escape-marker', 'w').write('x')
