# Technique: import the _io C module and construct FileIO
# expect: ImportError
import _io
_io.FileIO('objcap-escape-marker', 'w').write(b'x')
