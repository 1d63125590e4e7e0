# Technique: FunctionType taken from a stdlib function, globals carrying our __builtins__
# expect: objcap.CapabilityError
import json
FunctionType = type(json.dumps)
code = compile("open('objcap-escape-marker', 'w').write('x')", 'c', 'exec')
FunctionType(code, {'__builtins__': __builtins__})()
