# Technique: allocate a petabyte
# expect: MemoryError
bytearray(10 ** 15)
