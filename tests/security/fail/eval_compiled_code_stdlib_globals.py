# Technique: eval of our compiled code in heapq's globals (captured with defaultdict(globals))
# expect: objcap.CapabilityError
import collections, heapq
d = collections.defaultdict(globals)
heapq.nlargest(1, ['x'], key=d.__getitem__)
eval(compile("open('objcap-escape-marker', 'w').write('x')", 'c', 'eval'), d['x'])
