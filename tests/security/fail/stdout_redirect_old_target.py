# Technique: redirect_stdout remembers the real sys.stdout; recover a file type from it
# expect: AttributeError
import contextlib
cm = contextlib.redirect_stdout(None)
with cm:
    stream = cm._old_targets[-1]
type(stream.buffer.raw)('objcap-escape-marker', 'w')
