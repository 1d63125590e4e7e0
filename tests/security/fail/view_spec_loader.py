# Technique: json.__spec__.loader.set_data
# expect: AttributeError
import json
json.__spec__.loader.set_data('objcap-escape-marker', b'x')
