# Technique: reading dangling -> nowhere (inside, missing) is FileNotFoundError
# expect: FileNotFoundError
# grant: files=granted
ctx.files.read_text('dangling')
