# Technique: contextlib imports os (for chdir)
# expect: AttributeError
import contextlib
contextlib.os.open('objcap-escape-marker', contextlib.os.O_WRONLY | contextlib.os.O_CREAT)
