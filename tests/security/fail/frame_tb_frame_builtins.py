# Technique: our own frame from a traceback: f_builtins
# expect: AttributeError
try:
    1 / 0
except ZeroDivisionError as e:
    b = e.__traceback__.tb_frame.f_builtins
b = b if isinstance(b, dict) else vars(b)
b['open']('objcap-escape-marker', 'w').write('x')
