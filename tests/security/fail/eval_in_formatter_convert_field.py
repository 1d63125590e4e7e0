# Technique: Formatter.convert_field = eval: string.py calls eval(obj, None)
# expect: objcap.CapabilityError
import string
f = string.Formatter()
f.convert_field = eval
f.format('{0}', "open('objcap-escape-marker', 'w').write('x')")
