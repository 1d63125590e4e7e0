# Checks: abstract base classes
import abc
class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self): ...
class Square(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
try:
    Shape()
    raise AssertionError('abstract class instantiated')
except TypeError:
    pass
assert Square(3).area() == 9 and isinstance(Square(1), Shape)
print('abc ok')
