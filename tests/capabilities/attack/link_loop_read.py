# Technique: read the symlink loop loop1 <-> loop2 (refused, not hung)
# expect: objcap.CapabilityError
# grant: files=granted
ctx.files.read_text('loop1')
print("TOP SECRET: the call returned")  # reached only if the attack worked
