# Technique: import os inside exec()d source
# expect: ImportError
exec("import os\nos.open('objcap-escape-marker', os.O_WRONLY | os.O_CREAT)")
