# Technique: listdir('proc_root') lists the host's root
# expect: objcap.CapabilityError
# grant: files=granted
ctx.files.listdir('proc_root')
print("TOP SECRET: the call returned")  # reached only if the attack worked
