# Technique: import io and use io.open
# expect: ImportError
import io
io.open('objcap-escape-marker', 'w').write('x')
