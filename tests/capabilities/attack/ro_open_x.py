# Technique: read-only grant: open('new.txt', 'x')
# expect: objcap.CapabilityError
# grant: files=granted:ro
import objcap
try:
    ctx.files.open('new.txt', 'x')
except objcap.CapabilityError as e:
    assert 'read-only' in str(e), str(e)
    raise
