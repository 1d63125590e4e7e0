# Technique: overwrite stdlib defaults so difflib itself calls eval on our text
# expect: objcap.CapabilityError
import difflib
difflib.ndiff.__defaults__ = (eval, None)  # linejunk=eval runs in difflib's frame
list(difflib.ndiff(['x'], ["open('objcap-escape-marker', 'w').write('x')"]))
