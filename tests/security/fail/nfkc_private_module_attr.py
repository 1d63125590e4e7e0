# Technique: random._ｏｓ normalises to random._os
# expect: AttributeError
import random
random._ｏｓ.open('objcap-escape-marker', random._ｏｓ.O_WRONLY | random._ｏｓ.O_CREAT)
