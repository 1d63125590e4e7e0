# Checks: fractions
from fractions import Fraction
assert Fraction(1, 3) + Fraction(1, 6) == Fraction(1, 2)
assert Fraction('0.25') == Fraction(1, 4)
assert Fraction(3, 7).limit_denominator(2) == Fraction(1, 2)
assert float(Fraction(1, 8)) == 0.125
print('fractions ok')
