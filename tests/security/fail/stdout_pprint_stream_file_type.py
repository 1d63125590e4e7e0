# Technique: PrettyPrinter()._stream is sys.stdout; recover a file type from it
# expect: AttributeError
import pprint
stream = pprint.PrettyPrinter()._stream
type(stream.buffer.raw)('objcap-escape-marker', 'w')
