# Technique: implicit chaining: __context__ keeps the stdlib traceback
# expect: AttributeError
import json
try:
    try:
        json.loads('{')
    except ValueError:
        raise KeyError('k')
except KeyError as e:
    b = e.__context__.__traceback__.tb_next.tb_frame.f_globals['__builtins__']
b = b if isinstance(b, dict) else vars(b)
b['open']('objcap-escape-marker', 'w').write('x')
