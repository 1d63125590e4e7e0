# Technique: importlib.import_module bypasses the import statement
# expect: ImportError
import importlib
importlib.import_module('os').open('objcap-escape-marker', 0o101)
