# Technique: subdir('sub').read_text('link_up') (-> ../../secret.txt)
# expect: objcap.CapabilityError
# grant: files=granted
print(ctx.files.subdir('sub').read_text('link_up'))
