# Technique: ctx.file without --grant file
# expect: AttributeError
# grant: files=granted
print(ctx.file.read_text())
