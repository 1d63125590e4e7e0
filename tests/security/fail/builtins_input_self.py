# Technique: input and the module it is bound to
# expect: NameError
input.__self__.open('objcap-escape-marker', 'w').write('x')
