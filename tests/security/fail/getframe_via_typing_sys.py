# Technique: sys._getframe through the sys module typing imported
# expect: AttributeError
import typing
b = typing.sys._getframe(0).f_builtins
b = b if isinstance(b, dict) else vars(b)
b['open']('objcap-escape-marker', 'w').write('x')
