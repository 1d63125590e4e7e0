# Technique: import gc and find an unsealed builtins dict among all objects
# expect: ImportError
import gc
for o in gc.get_objects():
    if isinstance(o, dict) and callable(o.get('open')) and 'print' in o:
        o['open']('objcap-escape-marker', 'w').write('x')
        break
