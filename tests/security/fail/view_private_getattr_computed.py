# Technique: getattr(random, '_' + 'os')
# expect: AttributeError
import random
os = getattr(random, '_' + 'os')
os.open('objcap-escape-marker', os.O_WRONLY | os.O_CREAT)
