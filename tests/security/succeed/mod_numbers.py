# Checks: numbers ABCs
import numbers
from fractions import Fraction
assert isinstance(1, numbers.Integral) and isinstance(1.5, numbers.Real)
assert isinstance(Fraction(1, 2), numbers.Rational) and isinstance(1j, numbers.Complex)
assert not isinstance('1', numbers.Number)
print('numbers ok')
