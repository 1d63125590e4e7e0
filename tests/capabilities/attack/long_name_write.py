# Technique: write_text with a 4097-character name (ENAMETOOLONG, nothing created)
# expect: OSError
# grant: files=granted
ctx.files.write_text('y' * 4097, 'x')
