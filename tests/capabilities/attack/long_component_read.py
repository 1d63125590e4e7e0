# Technique: a 5000-character name (ENAMETOOLONG)
# expect: OSError
# grant: files=granted
ctx.files.read_text('x' * 5000)
