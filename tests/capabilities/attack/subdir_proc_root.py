# Technique: subdir('proc_root') (-> /proc/self/root)
# expect: objcap.CapabilityError
# grant: files=granted
print(ctx.files.subdir('proc_root').read_text('proc/self/cwd/secret.txt'))
