# Technique: a narrower capability reads its parent: subdir('sub').read_text('../notes.txt')
# expect: objcap.CapabilityError
# grant: files=granted
ctx.files.subdir('sub').read_text('../notes.txt')
print("TOP SECRET: the call returned")  # reached only if the attack worked
