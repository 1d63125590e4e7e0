# Checks: math functions
import math
assert math.isclose(math.sqrt(2) ** 2, 2)
assert math.gcd(12, 18) == 6 and math.factorial(10) == 3628800
assert math.floor(-1.5) == -2 and math.pi > 3.14
assert math.comb(5, 2) == 10 and math.isinf(math.inf)
print('math ok')
