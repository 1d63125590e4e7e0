# Technique: source nested a million levels deep (parser stack)
# expect: MemoryError
compile('-' * 10 ** 6 + '1', 'deep', 'eval')
