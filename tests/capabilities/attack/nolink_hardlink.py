# Technique: the directory capability has no 'hardlink' method to create links
# expect: AttributeError
# grant: files=granted
ctx.files.hardlink('../secret.txt', 'evil')
