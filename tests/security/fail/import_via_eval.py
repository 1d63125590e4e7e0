# Technique: __import__ inside eval()
# expect: ImportError
eval("__import__('os')").open('objcap-escape-marker', 0o101)
