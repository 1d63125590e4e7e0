# Technique: absolute path write: write_text('/proc/self/cwd/pwned', ...)
# expect: objcap.CapabilityError
# grant: files=granted
ctx.files.write_text('/proc/self/cwd/pwned', 'escaped')
