# Technique: dataclasses.sys.modules
# expect: AttributeError
import dataclasses
dataclasses.sys.modules['builtins'].open('objcap-escape-marker', 'w').write('x')
