# Technique: format_map traversal into __globals__
# expect: AttributeError
import json
print('{f.__globals__}'.format_map({'f': json.dumps}))
