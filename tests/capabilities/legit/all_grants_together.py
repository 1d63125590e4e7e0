# Technique: files, file and log granted at once
# grant: files=granted
# grant: file=single.txt:ro
# grant: log
# stderr-contains: [INFO] hello single file
ctx.log.info(ctx.files.read_text('notes.txt').splitlines()[0] + ' ' + ctx.file.read_text().strip())
