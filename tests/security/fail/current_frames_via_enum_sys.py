# Technique: sys._current_frames through enum.sys
# expect: AttributeError
import enum
frame = list(enum.sys._current_frames().values())[0]
b = frame.f_builtins
b = b if isinstance(b, dict) else vars(b)
b['open']('objcap-escape-marker', 'w').write('x')
