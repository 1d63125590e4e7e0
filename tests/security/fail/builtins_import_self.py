# Technique: import-delegate protection: __import__.__self__ (2007 objcap test)
# expect: AttributeError
__import__.__self__.open('objcap-escape-marker', 'w').write('x')
