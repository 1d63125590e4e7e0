# Technique: calendar.sys.modules
# expect: AttributeError
import calendar
calendar.sys.modules['builtins'].open('objcap-escape-marker', 'w').write('x')
