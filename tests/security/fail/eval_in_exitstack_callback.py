# Technique: ExitStack.callback(eval, src) runs eval from a contextlib frame
# expect: objcap.CapabilityError
import contextlib
with contextlib.ExitStack() as stack:
    stack.callback(eval, "open('objcap-escape-marker', 'w').write('x')")
