# Technique: string.Formatter().get_field returns the object itself
# expect: AttributeError
import json, string
g, _ = string.Formatter().get_field('0.__globals__', (json.dumps,), {})
b = g['__builtins__']
b = b if isinstance(b, dict) else vars(b)
b['open']('objcap-escape-marker', 'w').write('x')
