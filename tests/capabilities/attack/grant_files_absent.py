# Technique: ctx.files without --grant files; the message says it was not granted
# expect: AttributeError
# grant: log
try:
    ctx.files
except AttributeError as e:
    assert "capability 'files' was not granted" in str(e), str(e)
    raise
