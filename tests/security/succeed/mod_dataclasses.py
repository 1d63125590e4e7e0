# Checks: a dataclass with defaults and field(default_factory=list)
import dataclasses
@dataclasses.dataclass(order=True)
class Item:
    name: str
    qty: int = 1
    tags: list = dataclasses.field(default_factory=list)
a = Item('x')
a.tags.append('t')
assert a == Item('x', 1, ['t']) and Item('x').tags == []
assert dataclasses.asdict(a) == {'name': 'x', 'qty': 1, 'tags': ['t']}
assert dataclasses.replace(a, qty=3).qty == 3 and Item('a') < Item('b')
@dataclasses.dataclass(frozen=True)
class P:
    x: int
try:
    P(1).x = 2
except dataclasses.FrozenInstanceError:
    pass
print('dataclasses ok')
