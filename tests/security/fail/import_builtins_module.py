# Technique: import the builtins module to get the unsealed open
# expect: ImportError
import builtins
builtins.open('objcap-escape-marker', 'w').write('x')
