# Technique: __builtins__ carries __spec__ and its loader
# expect: KeyError
b = __builtins__
b = b if isinstance(b, dict) else vars(b)
b['__spec__'].loader.load_module('posix').open('objcap-escape-marker', 0o101)
