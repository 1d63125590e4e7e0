# Checks: array
import array
a = array.array('i', [1, 2, 3])
a.append(4)
assert a.tolist() == [1, 2, 3, 4] and a.itemsize >= 2
b = array.array('d', [0.5]) * 3
assert sum(b) == 1.5
assert array.array('B', b'ab').tobytes() == b'ab'
print('array ok')
