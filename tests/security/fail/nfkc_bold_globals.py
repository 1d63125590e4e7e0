# Technique: json.dumps.__𝐠𝐥𝐨𝐛𝐚𝐥𝐬__ normalises to __globals__
# expect: AttributeError
import json
b = json.dumps.__𝐠𝐥𝐨𝐛𝐚𝐥𝐬__['__builtins__']
b = b if isinstance(b, dict) else vars(b)
b['open']('objcap-escape-marker', 'w').write('x')
