# Technique: vars(ctx.log)
# expect: TypeError
# grant: log
print(vars(ctx.log))
