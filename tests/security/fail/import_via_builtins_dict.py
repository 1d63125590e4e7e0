# Technique: call __import__ taken out of __builtins__
# expect: ImportError
b = __builtins__
b = b if isinstance(b, dict) else vars(b)
b['__import__']('os').open('objcap-escape-marker', 0o101)
