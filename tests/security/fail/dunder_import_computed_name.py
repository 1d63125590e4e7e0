# Technique: __import__ with a name built at run time
# expect: ImportError
__import__(''.join(['p', 'o', 's', 'i', 'x'])).open('objcap-escape-marker', 0o101)
