# Technique: open('link_abs', 'a') opens /etc/hostname for writing (nothing is written)
# expect: objcap.CapabilityError
# grant: files=granted
f = ctx.files.open('link_abs', 'a')
print("TOP SECRET: the call returned")  # reached only if the attack worked
