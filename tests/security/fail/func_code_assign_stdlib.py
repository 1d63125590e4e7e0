# Technique: replace json.dumps.__code__ so our code runs with json's globals
# expect: AttributeError
import json
json.dumps.__code__ = compile("open('objcap-escape-marker', 'w').write('x')", 'c', 'exec')
json.dumps()
