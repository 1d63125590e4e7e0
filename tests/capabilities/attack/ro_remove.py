# Technique: read-only grant: remove('notes.txt')
# expect: objcap.CapabilityError
# grant: files=granted:ro
import objcap
try:
    ctx.files.remove('notes.txt')
except objcap.CapabilityError as e:
    assert 'read-only' in str(e), str(e)
    raise
