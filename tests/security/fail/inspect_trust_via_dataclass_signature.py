# Technique: @dataclass runs inspect.signature, which calls a C-only chain we planted in __signature__: a read 'from inspect'
# expect: AttributeError
import collections, dataclasses, functools, json
stash = collections.defaultdict(
    functools.partial(functools.reduce, getattr, ['__globals__'], json.dumps))
@dataclasses.dataclass
class K:
    __signature__ = functools.partial(stash.__getitem__, 'g')  # inspect calls it
    x: int = 0
b = stash['g']['__builtins__']
b = b if isinstance(b, dict) else vars(b)
b['open']('objcap-escape-marker', 'w').write('x')
