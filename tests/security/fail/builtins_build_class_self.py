# Technique: __build_class__.__self__ is the builtins module
# expect: AttributeError
__build_class__.__self__.open('objcap-escape-marker', 'w').write('x')
