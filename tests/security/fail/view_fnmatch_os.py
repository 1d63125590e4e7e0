# Technique: fnmatch imports os
# expect: AttributeError
import fnmatch
fnmatch.os.open('objcap-escape-marker', fnmatch.os.O_WRONLY | fnmatch.os.O_CREAT)
