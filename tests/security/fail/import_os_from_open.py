# Technique: from-import os.open under another name
# expect: ImportError
from os import open as o, O_WRONLY, O_CREAT
o('objcap-escape-marker', O_WRONLY | O_CREAT)
