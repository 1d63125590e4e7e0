# Technique: fullwidth ｏｐｅｎ normalises to open
# expect: NameError
ｏｐｅｎ('objcap-escape-marker', 'w').write('x')
