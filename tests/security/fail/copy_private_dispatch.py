# Technique: copy._deepcopy_dispatch holds copy-module functions
# expect: AttributeError
import copy
b = copy._deepcopy_dispatch[list].__globals__['__builtins__']
b = b if isinstance(b, dict) else vars(b)
b['open']('objcap-escape-marker', 'w').write('x')
