# Technique: a directory method applied to the single-file capability
# expect: TypeError | AttributeError | objcap.CapabilityError
# grant: files=granted
# grant: file=single.txt
print(type(ctx.files).read_text(ctx.file, '../secret.txt'))
