# Technique: a refusal is an ordinary exception: the plugin catches it and goes on
# grant: files=granted
import objcap
try:
    ctx.files.read_text('../secret.txt')
    raise AssertionError('read outside the grant')
except objcap.CapabilityError as e:
    print('refused:', e)  # the runner checks no host path is printed
    assert '../secret.txt' in str(e), str(e)
assert issubclass(objcap.CapabilityError, Exception)
assert ctx.files.read_text('notes.txt') == 'hello\nworld\n'
