# Technique: gi_yieldfrom reaches the stdlib generator we delegate to
# expect: AttributeError
import difflib
def outer():
    yield from difflib.unified_diff(['a'], ['b'])
o = outer()
next(o)
b = o.gi_yieldfrom.gi_frame.f_globals['__builtins__']
b = b if isinstance(b, dict) else vars(b)
b['open']('objcap-escape-marker', 'w').write('x')
