# Technique: the script's own __loader__ global (BuiltinImporter) loads posix
# expect: AttributeError
loader = globals().get('__loader__')
loader.load_module('posix').open('objcap-escape-marker', 0o101)
