# Checks: keyword
import keyword
assert keyword.iskeyword('lambda') and not keyword.iskeyword('print')
assert 'match' in keyword.softkwlist and 'True' in keyword.kwlist
print('keyword ok')
