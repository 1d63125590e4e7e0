# Technique: import the module a public class says it comes from
# expect: ImportError
import json
m = __import__(json.JSONDecoder.__module__, fromlist=['x'])  # 'json.decoder'
b = m.__builtins__
b = b if isinstance(b, dict) else vars(b)
b['open']('objcap-escape-marker', 'w').write('x')
