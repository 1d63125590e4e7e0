# Technique: the refusal names the plugin's path '../secret.txt' (and never the host path: the runner checks)
# expect: objcap.CapabilityError
# grant: files=granted
import objcap
try:
    ctx.files.read_text('../secret.txt')
except objcap.CapabilityError as e:
    assert '../secret.txt' in str(e), 'message does not name the plugin path: ' + str(e)
    raise
