# Checks: operator
import operator
assert operator.add(2, 3) == 5
assert operator.itemgetter(1)('abc') == 'b'
assert operator.attrgetter('real')(3) == 3
assert sorted([(1, 'b'), (0, 'a')], key=operator.itemgetter(1)) == [(0, 'a'), (1, 'b')]
assert operator.methodcaller('upper')('x') == 'X'
print('operator ok')
