# Technique: import the posix C module behind os
# expect: ImportError
import posix
posix.open('objcap-escape-marker', 0o101)  # O_WRONLY | O_CREAT
