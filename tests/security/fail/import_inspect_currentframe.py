# Technique: inspect.currentframe gives a frame and its builtins
# expect: ImportError
import inspect
inspect.currentframe().f_builtins['open']('objcap-escape-marker', 'w').write('x')
