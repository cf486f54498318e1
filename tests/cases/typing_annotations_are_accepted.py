from typing import List, Dict, Optional, Union, Tuple, Callable, Any, Iterable, TypeVar, Generic
import typing

T = TypeVar("T")

def moyenne(notes: List[float], defaut: Optional[float] = None) -> float:
    return sum(notes) / len(notes) if notes else defaut

def applique(f: Callable[[int], int], xs: Iterable[int]) -> List[int]:
    return [f(x) for x in xs]

class Pile(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []
    def empile(self, x: T) -> None:
        self.items.append(x)

class Config:
    nom: str
    options: Dict[str, Any] = {}
    port: Union[int, str] = 80

p = Pile()
p.empile(3)
print(moyenne([12, 14]), moyenne([], 0.0), applique(lambda x: x * 2, [1, 2]), p.items)
print(List[int], Dict[str, int], Optional[str], Tuple[int, ...])
print(Union[int, str], Callable[[int], str], typing.Any, T)
print(Config.port, list(Config.__annotations__))
print(typing.cast(int, "3"), typing.TYPE_CHECKING)
