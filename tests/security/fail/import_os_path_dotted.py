# Technique: import the os.path submodule, which binds os as well
# expect: ImportError
import os.path
os.open('objcap-escape-marker', os.O_WRONLY | os.O_CREAT)
