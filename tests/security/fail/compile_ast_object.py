# Technique: compile() of an AST object (PyCF_ONLY_AST) instead of source text
# expect: TypeError
tree = compile("open('objcap-escape-marker', 'w').write('x')", 'c', 'exec', 0x400)
exec(compile(tree, 'c', 'exec'), {})
