# Technique: from json import decoder: IMPORT_FROM falls back to sys.modules['json.decoder']
# expect: ImportError
from json import decoder
b = decoder.__builtins__
b = b if isinstance(b, dict) else vars(b)
b['open']('objcap-escape-marker', 'w').write('x')
