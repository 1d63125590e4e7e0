# Technique: isjunk=eval: SequenceMatcher calls it from difflib code
# expect: objcap.CapabilityError
import difflib
difflib.SequenceMatcher(eval, [], ["open('objcap-escape-marker', 'w').write('x')"])
