# Technique: move sub/link_rel (-> ../secret.txt, inside while in sub/) one level up, where it points outside, then read it
# expect: objcap.CapabilityError | FileNotFoundError
# grant: files=granted
# allow-changes-inside: yes
ctx.files.rename('sub/link_rel', 'moved')
print(ctx.files.read_text('moved'))
