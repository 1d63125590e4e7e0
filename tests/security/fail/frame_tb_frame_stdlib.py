# Technique: a traceback from inside json: tb_next.tb_frame.f_globals
# expect: AttributeError
import json
try:
    json.loads('{')
except ValueError as e:
    b = e.__traceback__.tb_next.tb_frame.f_globals['__builtins__']
b = b if isinstance(b, dict) else vars(b)
b['open']('objcap-escape-marker', 'w').write('x')
