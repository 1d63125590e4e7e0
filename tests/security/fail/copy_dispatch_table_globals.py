# Technique: copy.dispatch_table (copyreg's) holds copyreg functions
# expect: AttributeError
import copy
b = copy.dispatch_table[complex].__globals__['__builtins__']
b = b if isinstance(b, dict) else vars(b)
b['open']('objcap-escape-marker', 'w').write('x')
