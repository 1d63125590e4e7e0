# Technique: json.dumps of deeply nested data recurses in the C encoder
# expect: RecursionError
import json
x = []
for _ in range(10 ** 6):
    x = [x]
json.dumps(x)
