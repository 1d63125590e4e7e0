# Technique: inspect.currentframe through dataclasses.inspect
# expect: AttributeError
import dataclasses
b = dataclasses.inspect.currentframe().f_builtins
b = b if isinstance(b, dict) else vars(b)
b['open']('objcap-escape-marker', 'w').write('x')
