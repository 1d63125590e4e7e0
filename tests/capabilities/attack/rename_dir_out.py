# Technique: rename('sub', '../pwned_dir') moves a directory out
# expect: objcap.CapabilityError
# grant: files=granted
ctx.files.rename('sub', '../pwned_dir')
