# Technique: the Python 2 file() constructor (2007 objcap test)
# expect: NameError
file('objcap-escape-marker', 'w').write('x')
