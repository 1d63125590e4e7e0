# Technique: from . import os: a relative import from the top-level script
# expect: ImportError
from . import os
os.open('objcap-escape-marker', 0o101)
