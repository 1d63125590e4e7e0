# Technique: vars(type(print))['__self__'].__get__(print)
# expect: AttributeError
b = vars(type(print))['__self__'].__get__(print)
b.open('objcap-escape-marker', 'w').write('x')
