# Technique: __reduce_ex__ returns (eval, src): copy calls eval from its own frame, so eval sees copy globals
# expect: objcap.CapabilityError
import copy
class Payload:
    def __reduce_ex__(self, protocol):
        return (eval, ("open('objcap-escape-marker', 'w').write('x')",))
copy.copy(Payload())
