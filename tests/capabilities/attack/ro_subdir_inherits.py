# Technique: subdir of a read-only grant stays read-only
# expect: objcap.CapabilityError
# grant: files=granted:ro
ctx.files.subdir('sub').write_text('inner.txt', 'PWNED')
