# Technique: replace base64.binascii so base64 code calls eval on our text in its frame
# expect: AttributeError
import base64
class Fake:
    hexlify = eval
base64.binascii = Fake
base64.b16encode("open('objcap-escape-marker', 'w').write('x')")
