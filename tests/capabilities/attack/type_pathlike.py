# Technique: an os.PathLike object is not a str
# expect: TypeError
# grant: files=granted
class P:
    def __fspath__(self):
        return '../secret.txt'
print(ctx.files.read_text(P()))
