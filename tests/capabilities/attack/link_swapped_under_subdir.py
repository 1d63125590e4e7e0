# Technique: a subdir capability on 'sub' must not follow 'sub' when the plugin renames dirlink_out (-> ..) into its place
# expect: objcap.CapabilityError | FileNotFoundError
# grant: files=granted
# allow-changes-inside: yes
s = ctx.files.subdir('sub')
ctx.files.rename('sub', 'sub_moved')
ctx.files.rename('dirlink_out', 'sub')
print(s.read_text('secret.txt'))
