# Technique: read through proc_root -> /proc/self/root: proc_root/proc/self/cwd/secret.txt
# expect: objcap.CapabilityError
# grant: files=granted
print(ctx.files.read_text('proc_root/proc/self/cwd/secret.txt'))
