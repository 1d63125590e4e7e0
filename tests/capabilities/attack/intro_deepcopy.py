# Technique: copy.deepcopy(ctx.files)
# expect: TypeError
# grant: files=granted
import copy
print(copy.deepcopy(ctx.files))
