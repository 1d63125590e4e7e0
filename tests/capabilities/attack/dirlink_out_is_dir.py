# Technique: is_dir('dirlink_out') probes the outside directory
# expect: objcap.CapabilityError
# grant: files=granted
ctx.files.is_dir('dirlink_out')
print("TOP SECRET: the call returned")  # reached only if the attack worked
