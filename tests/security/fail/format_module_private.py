# Technique: '{0._os}'.format(random) reaches a private module attribute
# expect: AttributeError
import random
print('{0._os.environ}'.format(random))
