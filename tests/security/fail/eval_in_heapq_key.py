# Technique: key=eval: heapq.nsmallest (Python) calls eval, which uses heapq globals
# expect: objcap.CapabilityError
import heapq
heapq.nsmallest(1, ["open('objcap-escape-marker', 'w').write('x')"], key=eval)
