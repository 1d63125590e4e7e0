# Technique: json.__file__ tells where the loader may write
# expect: AttributeError
import json
path = json.__file__
json.JSONDecoder.__init__.__globals__['__builtins__']['open']('objcap-escape-marker', 'w')
