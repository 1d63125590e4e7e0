# Technique: collections._sys.modules
# expect: AttributeError
import collections
collections._sys.modules['builtins'].open('objcap-escape-marker', 'w').write('x')
