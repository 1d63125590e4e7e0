# Technique: a petabyte by repetition
# expect: MemoryError
b'x' * 10 ** 15
