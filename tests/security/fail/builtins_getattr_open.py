# Technique: getattr(__builtins__, 'open')
# expect: AttributeError
getattr(__builtins__, 'open')('objcap-escape-marker', 'w').write('x')
