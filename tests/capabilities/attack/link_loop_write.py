# Technique: write through the symlink loop loop2 <-> loop1
# expect: objcap.CapabilityError
# grant: files=granted
ctx.files.write_text('loop2', 'x')
