# Technique: import ctypes and call libc creat() directly
# expect: ImportError
import ctypes
ctypes.CDLL(None).creat(b'objcap-escape-marker', 0o644)
