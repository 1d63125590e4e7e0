# Technique: the directory capability has no 'symlink' method to create links
# expect: AttributeError
# grant: files=granted
ctx.files.symlink('../secret.txt', 'evil')
