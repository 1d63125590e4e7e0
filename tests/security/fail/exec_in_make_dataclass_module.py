# Technique: make_dataclass(module='json') execs generated code in json's globals
# expect: objcap.CapabilityError
import dataclasses, functools
factory = functools.partial(eval, "open('objcap-escape-marker', 'w').write('x')")
K = dataclasses.make_dataclass('K', [('a', object, dataclasses.field(default_factory=factory))], module='json')
K()
