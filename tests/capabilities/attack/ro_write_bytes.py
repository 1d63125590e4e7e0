# Technique: read-only grant: write_bytes('notes.txt', b'PWNED')
# expect: objcap.CapabilityError
# grant: files=granted:ro
import objcap
try:
    ctx.files.write_bytes('notes.txt', b'PWNED')
except objcap.CapabilityError as e:
    assert 'read-only' in str(e), str(e)
    raise
