# Technique: copy.copy(ctx.file)
# expect: TypeError
# grant: file=single.txt
import copy
print(copy.copy(ctx.file))
