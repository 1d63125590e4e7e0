# Technique: types.FunctionType builds a function from a compiled code object
# expect: ImportError
import types
code = compile("open('objcap-escape-marker', 'w').write('x')", 'c', 'exec')
types.FunctionType(code, {})()
