# Checks: binascii
import binascii
assert binascii.hexlify(b'\x01\xff') == b'01ff'
assert binascii.unhexlify('01ff') == b'\x01\xff'
assert binascii.crc32(b'hello') == 907060870
print('binascii ok')
