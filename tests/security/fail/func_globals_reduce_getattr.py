# Technique: functools.reduce(getattr, ...) walks the chain
# expect: AttributeError
import functools, json
b = functools.reduce(getattr, ['__globals__'], json.dumps)['__builtins__']
b = b if isinstance(b, dict) else vars(b)
b['open']('objcap-escape-marker', 'w').write('x')
