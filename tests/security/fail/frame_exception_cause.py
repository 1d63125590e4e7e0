# Technique: explicit chaining: __cause__ keeps the stdlib traceback
# expect: AttributeError
import json
try:
    try:
        json.loads('[1,')
    except ValueError as inner:
        raise KeyError('k') from inner
except KeyError as e:
    b = e.__cause__.__traceback__.tb_next.tb_frame.f_globals['__builtins__']
b = b if isinstance(b, dict) else vars(b)
b['open']('objcap-escape-marker', 'w').write('x')
