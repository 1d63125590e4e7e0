# Technique: code.replace() forges a code object compile() never produced
# expect: AttributeError
code = compile("open('objcap-escape-marker', 'w').write('x')", 'c', 'exec')
exec(code.replace(co_name='forged'), {})
