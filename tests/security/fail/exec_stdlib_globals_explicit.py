# Technique: exec with a stdlib module's globals dict obtained via defaultdict(globals)
# expect: objcap.CapabilityError
import collections, heapq
d = collections.defaultdict(globals)
heapq.nsmallest(1, ['x'], key=d.__getitem__)  # d['x'] = globals() of heapq's frame
exec("open('objcap-escape-marker', 'w').write('x')", d['x'])
