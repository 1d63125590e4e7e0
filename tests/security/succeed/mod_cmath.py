# Checks: cmath on complex numbers
import cmath
z = complex(3, 4)
assert abs(z) == 5
r, phi = cmath.polar(z)
assert cmath.isclose(cmath.rect(r, phi), z)
assert cmath.isclose(cmath.exp(1j * cmath.pi), -1)
print('cmath ok')
