# Technique: a hidden attribute inside a nested format spec field
# expect: AttributeError
import json
print('{0:{1.__globals__}}'.format('x', json.dumps))
