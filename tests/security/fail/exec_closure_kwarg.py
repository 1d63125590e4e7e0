# Technique: exec(code, g, closure=cells) hands a code object cells it never had
# expect: TypeError
code = compile("class A:\n def f():\n  __class__\n  open('objcap-escape-marker', 'w').write('x')\n", 'c', 'exec')
body = [c for c in code.co_consts if type(c) is type(code)][0]
f = [c for c in body.co_consts if type(c) is type(code)][0]
cells = []
class Meta(type):
    def __new__(m, name, bases, ns):
        cells.append(ns['__classcell__'])
        return super().__new__(m, name, bases, ns)
class B(metaclass=Meta):
    def g(self):
        return __class__
exec(f, {}, closure=(cells[0],))
