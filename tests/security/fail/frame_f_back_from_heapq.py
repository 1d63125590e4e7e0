# Technique: f_back of our generator while heapq.merge (Python code) drives it
# expect: AttributeError
import heapq
def gen():
    yield me.gi_frame.f_back.f_globals['__builtins__']
me = gen()
b = next(heapq.merge(me))
b = b if isinstance(b, dict) else vars(b)
b['open']('objcap-escape-marker', 'w').write('x')
