# Checks: json round trip of nested data, indent and sort_keys
import json
data = {'name': 'plugin', 'tags': ['a', 'b'], 'nested': {'n': 1, 'f': 2.5, 'none': None, 'ok': True}}
text = json.dumps(data, sort_keys=True, indent=2)
assert json.loads(text) == data
assert json.loads('[1, {"x": [2, 3]}]') == [1, {'x': [2, 3]}]
try:
    json.loads('{')
except json.JSONDecodeError as e:
    assert e.pos == 1
print('json ok')
