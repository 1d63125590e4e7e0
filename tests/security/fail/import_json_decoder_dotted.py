# Technique: import json.decoder (a submodule not on the allowlist)
# expect: ImportError
import json.decoder
b = json.decoder.__builtins__
b = b if isinstance(b, dict) else vars(b)
b['open']('objcap-escape-marker', 'w').write('x')
