# Checks: the objcap module and its exception hierarchy (lockdown)
import objcap
assert issubclass(objcap.CapabilityError, PermissionError)
assert issubclass(objcap.RevokedError, objcap.CapabilityError)
assert issubclass(objcap.LimitExceeded, BaseException) and not issubclass(objcap.LimitExceeded, Exception)
try:
    raise objcap.RevokedError('gone')
except objcap.CapabilityError as e:
    assert str(e) == 'gone'
print('objcap ok')
