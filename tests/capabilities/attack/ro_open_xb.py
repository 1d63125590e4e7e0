# Technique: read-only grant: open('new.bin', 'xb')
# expect: objcap.CapabilityError
# grant: files=granted:ro
import objcap
try:
    ctx.files.open('new.bin', 'xb')
except objcap.CapabilityError as e:
    assert 'read-only' in str(e), str(e)
    raise
