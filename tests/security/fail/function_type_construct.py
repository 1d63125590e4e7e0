# Technique: type(lambda: 0)(code, {}) builds a function from compiled code
# expect: objcap.CapabilityError
FunctionType = type(lambda: 0)
code = compile("open('objcap-escape-marker', 'w').write('x')", 'c', 'exec')
FunctionType(code, {})()
