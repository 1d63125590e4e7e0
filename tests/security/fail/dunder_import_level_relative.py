# Technique: __import__ with level=1 (relative import)
# expect: ImportError
m = __import__('os', globals(), None, ('open',), 1)
m.open('objcap-escape-marker', 0o101)
