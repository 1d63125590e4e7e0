# Technique: listdir through dirlink_out -> ..
# expect: objcap.CapabilityError
# grant: files=granted
ctx.files.listdir('dirlink_out')
print("TOP SECRET: the call returned")  # reached only if the attack worked
