# Technique: read-only grant: mkdir('a/b/c', parents=True)
# expect: objcap.CapabilityError
# grant: files=granted:ro
import objcap
try:
    ctx.files.mkdir('a/b/c', parents=True)
except objcap.CapabilityError as e:
    assert 'read-only' in str(e), str(e)
    raise
