# Technique: time.sleep is not exposed (success: exit 0, no marker possible)
# expect: AttributeError
import time
time.sleep(0)
