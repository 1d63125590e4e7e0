# Technique: read_text('missing.txt') is FileNotFoundError
# expect: FileNotFoundError
# grant: files=granted
ctx.files.read_text('missing.txt')
