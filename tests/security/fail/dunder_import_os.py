# Technique: __import__ called directly
# expect: ImportError
__import__('os').open('objcap-escape-marker', 0o101)
