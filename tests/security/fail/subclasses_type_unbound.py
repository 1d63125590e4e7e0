# Technique: type.__subclasses__(object)
# expect: AttributeError
def escape(classes):
    # a stdlib class whose __init__ is a Python function leads to real builtins
    for c in classes:
        f = vars(c).get('__init__')
        if type(f) is type(escape) and f.__module__ != __name__:
            b = f.__globals__['__builtins__']
            b = b if isinstance(b, dict) else vars(b)
            return b['open']('objcap-escape-marker', 'w').write('x')

escape(type.__subclasses__(object))
