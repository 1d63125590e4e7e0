# Technique: json.__loader__ is a SourceFileLoader; set_data writes files
# expect: AttributeError
import json
json.__loader__.set_data('objcap-escape-marker', b'x')
