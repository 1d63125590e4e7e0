# Technique: get_type_hints evaluates string annotations in the globals of cls.__module__ ('json')
# expect: objcap.CapabilityError
import typing
K = type('K', (), {'__module__': 'json', '__annotations__': {'x': "open('objcap-escape-marker', 'w').write('x')"}})
typing.get_type_hints(K)
