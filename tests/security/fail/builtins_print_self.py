# Technique: print.__self__ is the builtins module
# expect: AttributeError
print.__self__.open('objcap-escape-marker', 'w').write('x')
