# Technique: open('notes.txt', 'x') is FileExistsError and leaves the file alone
# expect: FileExistsError
# grant: files=granted
ctx.files.open('notes.txt', 'x')
