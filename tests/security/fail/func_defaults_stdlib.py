# Technique: a stdlib default argument (ndiff's charjunk) leads to difflib globals
# expect: objcap.CapabilityError
import difflib
b = difflib.ndiff.__defaults__[-1].__globals__['__builtins__']
b = b if isinstance(b, dict) else vars(b)
b['open']('objcap-escape-marker', 'w').write('x')
