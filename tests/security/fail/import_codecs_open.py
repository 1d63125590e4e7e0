# Technique: codecs.open is another file opener
# expect: ImportError
import codecs
codecs.open('objcap-escape-marker', 'w').write('x')
