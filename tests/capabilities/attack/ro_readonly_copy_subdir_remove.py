# Technique: a subdir of a readonly() copy stays read-only
# expect: objcap.CapabilityError
# grant: files=granted
ctx.files.readonly().subdir('sub').remove('inner.txt')
