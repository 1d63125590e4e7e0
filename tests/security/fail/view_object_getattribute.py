# Technique: object.__getattribute__ on the view bypasses its getattr
# expect: AttributeError
import random
os = object.__getattribute__(random, '_os')
os.open('objcap-escape-marker', os.O_WRONLY | os.O_CREAT)
