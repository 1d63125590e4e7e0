# Technique: flip read_only = False on a read-only capability
# expect: AttributeError
# grant: files=granted:ro
ctx.files.read_only = False
ctx.files.write_text('notes.txt', 'PWNED')
