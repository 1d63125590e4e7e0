# Checks: collections.abc isinstance checks and an ABC mixin
import collections.abc
from collections.abc import Mapping, Sequence, Iterable
assert isinstance([], Sequence) and isinstance({}, Mapping) and isinstance((x for x in []), Iterable)
class Box(collections.abc.Sequence):
    def __init__(self, *items): self.items = items
    def __getitem__(self, i): return self.items[i]
    def __len__(self): return len(self.items)
b = Box(1, 2, 3)
assert list(reversed(b)) == [3, 2, 1] and b.index(2) == 1 and 3 in b
print('collections.abc ok')
