# Technique: read-only grant: rename('notes.txt', 'renamed.txt')
# expect: objcap.CapabilityError
# grant: files=granted:ro
import objcap
try:
    ctx.files.rename('notes.txt', 'renamed.txt')
except objcap.CapabilityError as e:
    assert 'read-only' in str(e), str(e)
    raise
