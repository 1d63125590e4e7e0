# Technique: import ｏｓ normalises to import os
# expect: ImportError
import ｏｓ
ｏｓ.open('objcap-escape-marker', ｏｓ.O_WRONLY | ｏｓ.O_CREAT)
