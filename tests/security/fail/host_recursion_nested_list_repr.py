# Technique: repr of a million nested lists recurses in C
# expect: RecursionError
x = []
for _ in range(10 ** 6):
    x = [x]
repr(x)
