# Checks: classes, inheritance, super(), properties, dunder methods
class Animal:
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f'{self.name} makes a sound'
class Dog(Animal):
    def __init__(self, name, breed):
        super().__init__(name)
        self.breed = breed
    def speak(self):
        return super().speak().replace('a sound', 'woof')
    @property
    def label(self):
        return f'{self.name} ({self.breed})'
    def __eq__(self, other):
        return isinstance(other, Dog) and self.name == other.name
    __hash__ = None
d = Dog('Rex', 'lab')
assert d.speak() == 'Rex makes woof' and d.label == 'Rex (lab)'
assert d == Dog('Rex', 'x') and isinstance(d, Animal) and Dog.__mro__[1] is Animal
print('classes ok')
