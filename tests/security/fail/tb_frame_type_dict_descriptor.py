# Technique: vars(type(tb))['tb_frame'].__get__(tb) on a json traceback
# expect: AttributeError
import json
try:
    json.loads('{')
except ValueError as e:
    tb = e.__traceback__.tb_next
b = vars(type(tb))['tb_frame'].__get__(tb).f_globals['__builtins__']
b = b if isinstance(b, dict) else vars(b)
b['open']('objcap-escape-marker', 'w').write('x')
