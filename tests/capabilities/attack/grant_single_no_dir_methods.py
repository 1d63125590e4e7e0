# Technique: the single-file capability has no directory methods: ctx.file.subdir('..')
# expect: AttributeError
# grant: file=single.txt
print(ctx.file.subdir('..'))
