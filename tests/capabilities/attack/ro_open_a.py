# Technique: read-only grant: open('notes.txt', 'a').write('PWNED')
# expect: objcap.CapabilityError
# grant: files=granted:ro
import objcap
try:
    ctx.files.open('notes.txt', 'a').write('PWNED')
except objcap.CapabilityError as e:
    assert 'read-only' in str(e), str(e)
    raise
