# Technique: read-only grant: rmdir('empty')
# expect: objcap.CapabilityError
# grant: files=granted:ro
import objcap
try:
    ctx.files.rmdir('empty')
except objcap.CapabilityError as e:
    assert 'read-only' in str(e), str(e)
    raise
