# Technique: statistics.sys.modules
# expect: AttributeError
import statistics
statistics.sys.modules['builtins'].open('objcap-escape-marker', 'w').write('x')
