# Technique: exec of a buffer that is neither str, bytes nor a code object
# expect: TypeError
exec(memoryview("open('objcap-escape-marker', 'w').write('x')".encode()), {})
