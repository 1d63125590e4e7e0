# Technique: re imports copyreg; reach it through the re view
# expect: AttributeError
import re
b = re.copyreg.__builtins__
b = b if isinstance(b, dict) else vars(b)
b['open']('objcap-escape-marker', 'w').write('x')
