# Technique: read-only grant: write_text('new.txt', 'x')
# expect: objcap.CapabilityError
# grant: files=granted:ro
import objcap
try:
    ctx.files.write_text('new.txt', 'x')
except objcap.CapabilityError as e:
    assert 'read-only' in str(e), str(e)
    raise
