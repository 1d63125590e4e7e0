# Technique: read-only grant: write_text('notes.txt', 'PWNED')
# expect: objcap.CapabilityError
# grant: files=granted:ro
import objcap
try:
    ctx.files.write_text('notes.txt', 'PWNED')
except objcap.CapabilityError as e:
    assert 'read-only' in str(e), str(e)
    raise
