# Technique: __𝐛𝐮𝐢𝐥𝐭𝐢𝐧𝐬__ normalises to __builtins__; getattr(..., 'open')
# expect: AttributeError
getattr(__𝐛𝐮𝐢𝐥𝐭𝐢𝐧𝐬__, 'open')('objcap-escape-marker', 'w').write('x')
