# Technique: zipfile writes an archive
# expect: ImportError
import zipfile
zipfile.ZipFile('objcap-escape-marker', 'w').close()
