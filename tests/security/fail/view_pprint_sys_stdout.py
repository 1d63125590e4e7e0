# Technique: pprint._sys.stdout: sys through pprint's private import
# expect: AttributeError
import pprint
pprint._sys.modules['builtins'].open('objcap-escape-marker', 'w').write('x')
