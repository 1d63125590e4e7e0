# Technique: marshal makes code objects that never went through compile()
# expect: ImportError
import marshal
code = marshal.loads(marshal.dumps(compile("open('objcap-escape-marker', 'w').write('x')", 'm', 'exec')))
exec(code, {})
