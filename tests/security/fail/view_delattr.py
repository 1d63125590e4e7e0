# Technique: delete a public name from a shared module (success: exit 0, no marker possible)
# expect: AttributeError
import json
del json.dumps
