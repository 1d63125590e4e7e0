# Technique: subdir('/proc/self/cwd') to get a capability on the working directory
# expect: objcap.CapabilityError
# grant: files=granted
print(ctx.files.subdir('/proc/self/cwd').read_text('secret.txt'))
