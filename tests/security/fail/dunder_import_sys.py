# Technique: re-import sys through __import__
# expect: ImportError
sys = __import__('sys')
sys.modules['builtins'].open('objcap-escape-marker', 'w').write('x')
