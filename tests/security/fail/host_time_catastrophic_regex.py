# Technique: catastrophic backtracking inside _sre (C code)
# expect: objcap.LimitExceeded
# exit: 3
# args: --time-limit 1
import re
re.match(r'(a+)+$', 'a' * 64 + 'b')
