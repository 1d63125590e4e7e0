# Technique: write_text with bytes data; the file must not be created either
# expect: TypeError
# grant: files=granted
ctx.files.write_text('created.txt', b'data')
