# Checks: struct pack and unpack
import struct
packed = struct.pack('<IhB', 1, -2, 3)
assert packed == b'\x01\x00\x00\x00\xfe\xff\x03'
assert struct.unpack('<IhB', packed) == (1, -2, 3)
assert struct.calcsize('<Qd') == 16
print('struct ok')
