# Technique: write_text returns the bytes written, in the encoding asked for (as file.write_text)
# grant: files=granted
ctx.files.mkdir('scratch')
assert ctx.files.write_text('scratch/latin.txt', 'héllo', encoding='latin-1') == 5
assert ctx.files.write_text('scratch/utf8.txt', 'héllo') == 6
assert ctx.files.read_bytes('scratch/latin.txt') == 'héllo'.encode('latin-1')
