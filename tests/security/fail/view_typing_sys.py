# Technique: typing.sys.modules
# expect: AttributeError
import typing
typing.sys.modules['builtins'].open('objcap-escape-marker', 'w').write('x')
