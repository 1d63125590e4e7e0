# Technique: tempfile creates files in a directory of our choice
# expect: ImportError
import tempfile
tempfile.NamedTemporaryFile(dir='.', prefix='objcap-escape-marker', delete=False)
