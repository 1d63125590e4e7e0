# Checks: zlib compress and decompress
import zlib
data = b'objcap ' * 1000
packed = zlib.compress(data, 9)
assert len(packed) < len(data) // 10 and zlib.decompress(packed) == data
assert zlib.crc32(b'hello') == 907060870 and zlib.adler32(b'') == 1
print('zlib ok')
