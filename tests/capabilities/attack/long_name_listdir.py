# Technique: listdir of a 300-character name (over NAME_MAX)
# expect: OSError
# grant: files=granted
ctx.files.listdir('z' * 300)
