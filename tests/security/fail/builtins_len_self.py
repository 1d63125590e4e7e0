# Technique: len.__self__ is the builtins module
# expect: AttributeError
len.__self__.open('objcap-escape-marker', 'w').write('x')
