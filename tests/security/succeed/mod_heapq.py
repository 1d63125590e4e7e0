# Checks: heapq
import heapq
h = []
for x in [5, 1, 4, 2]:
    heapq.heappush(h, x)
assert [heapq.heappop(h) for _ in range(4)] == [1, 2, 4, 5]
assert heapq.nsmallest(2, [9, 3, 7], key=lambda v: -v) == [9, 7]
assert list(heapq.merge([1, 4], [2, 3])) == [1, 2, 3, 4]
print('heapq ok')
