# Technique: read-only grant: mkdir('newdir')
# expect: objcap.CapabilityError
# grant: files=granted:ro
import objcap
try:
    ctx.files.mkdir('newdir')
except objcap.CapabilityError as e:
    assert 'read-only' in str(e), str(e)
    raise
