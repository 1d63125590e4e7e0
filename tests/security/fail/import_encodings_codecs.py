# Technique: encodings is always loaded and carries codecs
# expect: ImportError
import encodings
encodings.codecs.open('objcap-escape-marker', 'w').write('x')
