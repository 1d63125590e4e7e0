# Technique: import sys and take the real builtins from sys.modules
# expect: ImportError
import sys
sys.modules['builtins'].open('objcap-escape-marker', 'w').write('x')
