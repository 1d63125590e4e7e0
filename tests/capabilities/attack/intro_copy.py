# Technique: copy.copy(ctx.files)
# expect: TypeError
# grant: files=granted
import copy
print(copy.copy(ctx.files))
