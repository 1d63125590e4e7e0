# Technique: copy.replace() reaches code.__replace__
# expect: TypeError
import copy
code = compile("open('objcap-escape-marker', 'w').write('x')", 'c', 'exec')
exec(copy.replace(code, co_name='forged'), {})
