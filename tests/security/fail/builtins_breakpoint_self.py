# Technique: breakpoint and the module it is bound to
# expect: NameError
breakpoint.__self__.open('objcap-escape-marker', 'w').write('x')
