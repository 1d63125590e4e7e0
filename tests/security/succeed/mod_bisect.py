# Checks: bisect
import bisect
a = [1, 3, 5]
bisect.insort(a, 4)
assert a == [1, 3, 4, 5]
assert bisect.bisect_left(a, 3) == 1 and bisect.bisect_right(a, 3) == 2
print('bisect ok')
