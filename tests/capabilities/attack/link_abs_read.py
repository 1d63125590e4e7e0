# Technique: read through link_abs -> /etc/hostname
# expect: objcap.CapabilityError
# grant: files=granted
ctx.files.read_text('link_abs')
print("TOP SECRET: the call returned")  # reached only if the attack worked
