# Technique: move a stdlib traceback onto a new exception with with_traceback
# expect: AttributeError
import json
try:
    json.loads('[')
except ValueError as e:
    tb = e.__traceback__
carrier = KeyError().with_traceback(tb)
b = carrier.__traceback__.tb_next.tb_frame.f_globals['__builtins__']
b = b if isinstance(b, dict) else vars(b)
b['open']('objcap-escape-marker', 'w').write('x')
