# Technique: '{0.__globals__}'.format(f) leaks a stdlib globals dict (success: exit 0, no marker possible)
# expect: AttributeError
import json
print('{0.__globals__[__builtins__]}'.format(json.dumps))
