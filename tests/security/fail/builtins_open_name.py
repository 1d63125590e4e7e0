# Technique: call the open builtin
# expect: NameError
open('objcap-escape-marker', 'w').write('x')
