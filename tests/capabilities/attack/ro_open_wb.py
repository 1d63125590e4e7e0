# Technique: read-only grant: open('notes.txt', 'wb')
# expect: objcap.CapabilityError
# grant: files=granted:ro
import objcap
try:
    ctx.files.open('notes.txt', 'wb')
except objcap.CapabilityError as e:
    assert 'read-only' in str(e), str(e)
    raise
