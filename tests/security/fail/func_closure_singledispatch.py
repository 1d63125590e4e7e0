# Technique: singledispatch wrapper closes over stdlib functions
# expect: AttributeError
import functools
w = functools.singledispatch(lambda x: x)
inner = [c.cell_contents for c in w.__closure__ if type(c.cell_contents) is type(w)]
b = [f for f in inner if f.__module__ == 'functools'][0].__globals__['__builtins__']
b = b if isinstance(b, dict) else vars(b)
b['open']('objcap-escape-marker', 'w').write('x')
