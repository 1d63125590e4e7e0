# Technique: subdir of a symlink to outside: subdir('dirlink_out')
# expect: objcap.CapabilityError
# grant: files=granted
print(ctx.files.subdir('dirlink_out').read_text('secret.txt'))
