# Checks: refusals are ordinary catchable exceptions with the contract messages (lockdown)
import json, objcap
try:
    import os
    raise AssertionError('os imported')
except ImportError as e:
    assert str(e) == "import of 'os' is not allowed in a sandbox", str(e)
try:
    open
    raise AssertionError('open reachable')
except NameError:
    pass
try:
    json._default_encoder
    raise AssertionError('private name reachable')
except AttributeError:
    pass
try:
    type(lambda: 0)(compile('1', 'c', 'exec'), {})
    raise AssertionError('function constructed')
except objcap.CapabilityError as e:
    assert str(e) == "'function.__new__' is not allowed in a sandbox", str(e)
print('refusals ok')
