# Technique: the directory capability has no 'link' method to create links
# expect: AttributeError
# grant: files=granted
ctx.files.link('../secret.txt', 'evil')
