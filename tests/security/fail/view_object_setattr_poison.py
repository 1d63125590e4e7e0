# Technique: object.__setattr__ on the view to poison base64.binascii
# expect: AttributeError
import base64
class Fake:
    hexlify = eval
object.__setattr__(base64, 'binascii', Fake)
base64.b16encode("open('objcap-escape-marker', 'w').write('x')")
