# Technique: random._os is the os module
# expect: AttributeError
import random
random._os.open('objcap-escape-marker', random._os.O_WRONLY | random._os.O_CREAT)
