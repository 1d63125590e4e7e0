# Technique: __builtins__ carries __loader__ (BuiltinImporter loads posix)
# expect: KeyError
b = __builtins__
b = b if isinstance(b, dict) else vars(b)
b['__loader__'].load_module('posix').open('objcap-escape-marker', 0o101)
