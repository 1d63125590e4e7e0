# Technique: pathlib touches a file
# expect: ImportError
import pathlib
pathlib.Path('objcap-escape-marker').touch()
