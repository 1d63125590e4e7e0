# Technique: the frozen bootstrap loads built-in modules directly
# expect: ImportError
import _frozen_importlib
_frozen_importlib._builtin_from_name('posix').open('objcap-escape-marker', 0o101)
