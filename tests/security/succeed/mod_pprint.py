# Checks: pprint.pformat
import pprint
data = {'b': list(range(30)), 'a': {'nested': True}}
text = pprint.pformat(data, width=40)
assert text.startswith("{'a': {'nested': True},") and '\n' in text
assert pprint.pformat([1, 2]) == '[1, 2]' and pprint.isreadable({'a': 1})
print('pprint ok')
