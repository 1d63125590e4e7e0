# Checks: base64
import base64
assert base64.b64encode(b'hello') == b'aGVsbG8='
assert base64.b64decode('aGVsbG8=') == b'hello'
assert base64.urlsafe_b64encode(b'\xfb\xff') == b'-_8='
assert base64.b16encode(b'\x01') == b'01' and base64.b32decode(base64.b32encode(b'x')) == b'x'
print('base64 ok')
