# Technique: read_text('sub') is IsADirectoryError
# expect: IsADirectoryError
# grant: files=granted
ctx.files.read_text('sub')
