# Technique: the unbound write_text of the read-write capability's type applied to its readonly() copy
# expect: objcap.CapabilityError | TypeError | AttributeError
# grant: files=granted
ro = ctx.files.readonly()
type(ctx.files).write_text(ro, 'notes.txt', 'PWNED')
