# Checks: re groups, named groups, sub with a function, compiled patterns
import re
m = re.match(r'(\w+)-(?P<num>\d+)', 'item-42')
assert m.group(1) == 'item' and m.group('num') == '42' and m.groupdict() == {'num': '42'}
assert re.sub(r'\d+', lambda m: str(int(m.group()) * 2), 'a1 b22') == 'a2 b44'
pat = re.compile(r'[a-z]+', re.IGNORECASE)
assert pat.findall('Hello World 1') == ['Hello', 'World']
assert re.split(r',\s*', 'a, b,c') == ['a', 'b', 'c']
print('re ok')
