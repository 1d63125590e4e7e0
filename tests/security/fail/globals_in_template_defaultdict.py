# Technique: defaultdict(globals): string.Template looks the key up from string.py, storing string globals
# expect: objcap.CapabilityError
import collections, string
d = collections.defaultdict(globals)
string.Template('$x').substitute(d)
b = d['x']['__builtins__']
b = b if isinstance(b, dict) else vars(b)
b['open']('objcap-escape-marker', 'w').write('x')
