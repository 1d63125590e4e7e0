# Technique: import os and create a file with os.open
# expect: ImportError
import os
os.open('objcap-escape-marker', os.O_WRONLY | os.O_CREAT)
