# Technique: type(compile(...))(...) constructs a code object (2007 objcap test)
# expect: objcap.CapabilityError
c = compile("open('objcap-escape-marker', 'w').write('x')", 'c', 'exec')
CodeType = type(c)
forged = CodeType(c.co_argcount, c.co_posonlyargcount, c.co_kwonlyargcount, c.co_nlocals,
                  c.co_stacksize, c.co_flags, c.co_code, c.co_consts, c.co_names, c.co_varnames,
                  c.co_filename, c.co_name, c.co_qualname, c.co_firstlineno, c.co_linetable,
                  c.co_exceptiontable, c.co_freevars, c.co_cellvars)
exec(forged, {})
