# Technique: enum.sys.modules holds every loaded module
# expect: AttributeError
import enum
enum.sys.modules['builtins'].open('objcap-escape-marker', 'w').write('x')
