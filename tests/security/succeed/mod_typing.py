# Checks: TypeVar, Generic[T], Optional and a Protocol
from typing import TypeVar, Generic, Optional, Protocol, runtime_checkable, get_type_hints
T = TypeVar('T')
class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: list[T] = []
    def push(self, item: T) -> None:
        self.items.append(item)
    def top(self) -> Optional[T]:
        return self.items[-1] if self.items else None
s = Stack[int]()
s.push(3)
assert s.top() == 3 and Stack[str]().top() is None
@runtime_checkable
class Sized(Protocol):
    def __len__(self) -> int: ...
assert isinstance([], Sized) and not isinstance(3, Sized)
assert get_type_hints(Stack.top)['return'] == Optional[T]
print('typing ok')
