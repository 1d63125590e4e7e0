# Technique: exec with empty globals falls back to some builtins
# expect: NameError
exec("open('objcap-escape-marker', 'w').write('x')", {})
