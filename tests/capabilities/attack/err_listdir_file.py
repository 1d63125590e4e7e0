# Technique: listdir('notes.txt') is NotADirectoryError
# expect: NotADirectoryError
# grant: files=granted
ctx.files.listdir('notes.txt')
