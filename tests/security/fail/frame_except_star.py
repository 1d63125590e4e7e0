# Technique: except* group: the member exception still carries stdlib frames
# expect: AttributeError
import json
try:
    json.loads('{"a":')
except* ValueError as group:
    tb = group.exceptions[0].__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    b = tb.tb_frame.f_globals['__builtins__']
b = b if isinstance(b, dict) else vars(b)
b['open']('objcap-escape-marker', 'w').write('x')
