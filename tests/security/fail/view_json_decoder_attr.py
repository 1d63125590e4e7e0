# Technique: json.decoder: the submodule as an attribute of the package
# expect: AttributeError
import json
b = json.decoder.__builtins__
b = b if isinstance(b, dict) else vars(b)
b['open']('objcap-escape-marker', 'w').write('x')
