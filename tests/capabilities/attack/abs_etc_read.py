# Technique: absolute path read: read_text('/etc/hostname')
# expect: objcap.CapabilityError
# grant: files=granted
ctx.files.read_text('/etc/hostname')
print("TOP SECRET: the call returned")  # reached only if the attack worked
