# Checks: Enum, IntFlag, auto and the functional API
import enum
class Color(enum.Enum):
    RED = enum.auto()
    GREEN = enum.auto()
assert Color.RED.value == 1 and Color['GREEN'] is Color.GREEN
class Perm(enum.IntFlag):
    R = 4
    W = 2
assert Perm.R | Perm.W == 6 and Perm.W in (Perm.R | Perm.W)
Shade = enum.Enum('Shade', 'LIGHT DARK')
assert Shade.DARK.value == 2 and [s.name for s in Shade] == ['LIGHT', 'DARK']
print('enum ok')
