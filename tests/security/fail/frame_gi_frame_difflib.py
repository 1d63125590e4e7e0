# Technique: a stdlib generator's gi_frame.f_globals
# expect: AttributeError
import difflib
g = difflib.unified_diff(['a'], ['b'])
b = g.gi_frame.f_globals['__builtins__']
b = b if isinstance(b, dict) else vars(b)
b['open']('objcap-escape-marker', 'w').write('x')
