# Checks: Counter, deque, OrderedDict, namedtuple, defaultdict
import collections
c = collections.Counter('abracadabra')
assert c.most_common(1) == [('a', 5)]
d = collections.deque([1, 2, 3], maxlen=3)
d.append(4)
assert list(d) == [2, 3, 4]
od = collections.OrderedDict(a=1, b=2)
od.move_to_end('a')
assert list(od) == ['b', 'a']
Point = collections.namedtuple('Point', 'x y')
assert Point(1, 2)._replace(y=5) == (1, 5) and Point._fields == ('x', 'y')
dd = collections.defaultdict(list)
dd['k'].append(1)
assert dd == {'k': [1]}
print('collections ok')
