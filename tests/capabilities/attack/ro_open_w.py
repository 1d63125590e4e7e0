# Technique: read-only grant: open('notes.txt', 'w')
# expect: objcap.CapabilityError
# grant: files=granted:ro
import objcap
try:
    ctx.files.open('notes.txt', 'w')
except objcap.CapabilityError as e:
    assert 'read-only' in str(e), str(e)
    raise
