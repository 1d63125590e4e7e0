# Technique: path=['a']
# expect: TypeError
# grant: files=granted
ctx.files.read_text(['a'])
