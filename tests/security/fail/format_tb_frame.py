# Technique: str.format walks __traceback__.tb_frame
# expect: AttributeError
try:
    1 / 0
except ZeroDivisionError as e:
    print('{0.__traceback__.tb_frame.f_builtins}'.format(e))
