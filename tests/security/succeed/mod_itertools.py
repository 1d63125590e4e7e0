# Checks: itertools
import itertools
assert list(itertools.islice(itertools.count(10, 2), 3)) == [10, 12, 14]
assert list(itertools.chain('ab', 'c')) == ['a', 'b', 'c']
assert [k for k, _ in itertools.groupby('aabbc')] == ['a', 'b', 'c']
assert len(list(itertools.permutations(range(3)))) == 6
assert list(itertools.accumulate([1, 2, 3])) == [1, 3, 6]
assert list(itertools.pairwise('abc')) == [('a', 'b'), ('b', 'c')]
print('itertools ok')
