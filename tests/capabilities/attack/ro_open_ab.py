# Technique: read-only grant: open('notes.txt', 'ab').write(b'PWNED')
# expect: objcap.CapabilityError
# grant: files=granted:ro
import objcap
try:
    ctx.files.open('notes.txt', 'ab').write(b'PWNED')
except objcap.CapabilityError as e:
    assert 'read-only' in str(e), str(e)
    raise
