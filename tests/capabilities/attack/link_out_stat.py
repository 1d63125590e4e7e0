# Technique: stat('link_out') follows the link to the outside file
# expect: objcap.CapabilityError
# grant: files=granted
ctx.files.stat('link_out')
print("TOP SECRET: the call returned")  # reached only if the attack worked
