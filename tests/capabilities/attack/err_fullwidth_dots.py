# Technique: fullwidth dots '．．/secret.txt' are an ordinary (missing) name, never '..'
# expect: FileNotFoundError
# grant: files=granted
print(ctx.files.read_text('\uff0e\uff0e/secret.txt'))
