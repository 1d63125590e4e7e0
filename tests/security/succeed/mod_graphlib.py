# Checks: graphlib.TopologicalSorter
import graphlib
ts = graphlib.TopologicalSorter({'app': {'lib', 'util'}, 'lib': {'util'}})
order = list(ts.static_order())
assert order.index('util') < order.index('lib') < order.index('app')
try:
    list(graphlib.TopologicalSorter({'a': {'b'}, 'b': {'a'}}).static_order())
    raise AssertionError('cycle not detected')
except graphlib.CycleError:
    pass
print('graphlib ok')
