# Technique: overwrite heapq.merge keyword defaults with key=eval
# expect: objcap.CapabilityError
import heapq
heapq.merge.__kwdefaults__ = {'key': eval, 'reverse': False}
list(heapq.merge(["open('objcap-escape-marker', 'w').write('x')"]))
