# Technique: write then read a cell obtained without __closure__ (the __classcell__ a metaclass sees)
# expect: AttributeError
import enum
cells = []
class Meta(type):
    def __new__(m, name, bases, ns):
        cells.append(ns['__classcell__'])
        return super().__new__(m, name, bases, ns)
class C(metaclass=Meta):
    def f(self):
        return __class__
cells[0].cell_contents = enum.Enum.__dict__['_missing_']  # swap in a stdlib callable
b = cells[0].cell_contents.__func__.__globals__['__builtins__']
b = b if isinstance(b, dict) else vars(b)
b['open']('objcap-escape-marker', 'w').write('x')
