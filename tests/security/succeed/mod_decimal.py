# Checks: decimal arithmetic with a local context
import decimal
from decimal import Decimal, localcontext
assert Decimal('0.1') + Decimal('0.2') == Decimal('0.3')
with localcontext() as ctx:
    ctx.prec = 5
    assert str(Decimal(1) / Decimal(7)) == '0.14286'
assert str(Decimal(1) / Decimal(7)).startswith('0.142857142857')
assert Decimal('2.675').quantize(Decimal('0.01'), rounding=decimal.ROUND_HALF_UP) == Decimal('2.68')
print('decimal ok')
