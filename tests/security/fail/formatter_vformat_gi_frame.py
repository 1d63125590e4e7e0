# Technique: Formatter.vformat walks gi_frame of a stdlib generator
# expect: AttributeError
import difflib, string
g = difflib.unified_diff(['a'], ['b'])
print(string.Formatter().vformat('{0.gi_frame.f_globals}', (g,), {}))
