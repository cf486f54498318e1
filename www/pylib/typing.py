# typing, over Boucle's interpreter: every name a program's annotations use exists,
# can be subscripted (List[int], Optional[str], Callable[[int], str]) and printed as
# CPython prints it; nothing is checked at run time, as in CPython.

TYPE_CHECKING = False


def _name(t):
    if isinstance(t, _Special):
        return repr(t)
    if t is None or t is type(None):
        return 'None'
    if isinstance(t, list):
        return '[' + ', '.join(_name(x) for x in t) + ']'
    if t is Ellipsis:
        return '...'
    if isinstance(t, str):
        return f'ForwardRef({t!r})'
    module = getattr(t, '__module__', 'builtins')
    name = getattr(t, '__qualname__', None) or getattr(t, '__name__', None) or repr(t)
    if module in ('builtins', None):
        return name
    return f'{module}.{name}'


class _Special:
    def __init__(self, name, args=None, origin=None):
        self._name = name
        self.__args__ = args
        self.__origin__ = origin

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if self._name == 'Optional':
            return _Special('Optional', (params[0], type(None)), self)
        return _Special(self._name, params, self)

    def __call__(self, *args, **kwargs):
        raise TypeError(f'Type {self._name} cannot be instantiated; use {self._name.lower()}() instead')

    def __or__(self, other):
        return _Special('Union', (self, other), Union)

    def __ror__(self, other):
        return _Special('Union', (other, self), Union)

    def __repr__(self):
        if self.__args__ is None:
            return f'typing.{self._name}'
        if self._name == 'Optional':
            return f'typing.Optional[{_name(self.__args__[0])}]'
        return f'typing.{self._name}[{", ".join(_name(a) for a in self.__args__)}]'


Any = _Special('Any')
NoReturn = _Special('NoReturn')
Never = _Special('Never')
Self = _Special('Self')
LiteralString = _Special('LiteralString')
Union = _Special('Union')
Optional = _Special('Optional')
Literal = _Special('Literal')
Final = _Special('Final')
ClassVar = _Special('ClassVar')
Annotated = _Special('Annotated')
TypeAlias = _Special('TypeAlias')
List = _Special('List')
Dict = _Special('Dict')
Set = _Special('Set')
FrozenSet = _Special('FrozenSet')
Tuple = _Special('Tuple')
Type = _Special('Type')
Callable = _Special('Callable')
Iterable = _Special('Iterable')
Iterator = _Special('Iterator')
Generator = _Special('Generator')
AsyncIterable = _Special('AsyncIterable')
AsyncIterator = _Special('AsyncIterator')
AsyncGenerator = _Special('AsyncGenerator')
Awaitable = _Special('Awaitable')
Coroutine = _Special('Coroutine')
Sequence = _Special('Sequence')
MutableSequence = _Special('MutableSequence')
Mapping = _Special('Mapping')
MutableMapping = _Special('MutableMapping')
Collection = _Special('Collection')
Container = _Special('Container')
Hashable = _Special('Hashable')
Sized = _Special('Sized')
Deque = _Special('Deque')
DefaultDict = _Special('DefaultDict')
OrderedDict = _Special('OrderedDict')
Counter = _Special('Counter')
ChainMap = _Special('ChainMap')
Pattern = _Special('Pattern')
Match = _Special('Match')
IO = _Special('IO')
TextIO = _Special('TextIO')


class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound

    def __repr__(self):
        return '~' + self.__name__


class ParamSpec(TypeVar):
    pass


class Generic:
    def __class_getitem__(cls, params):
        return cls


class Protocol(Generic):
    pass


def runtime_checkable(cls):
    return cls


def NewType(name, tp):
    def new_type(x):
        return x
    new_type.__name__ = name
    new_type.__supertype__ = tp
    return new_type


def cast(typ, val):
    return val


def overload(func):
    return func


def final(f):
    return f


def no_type_check(f):
    return f


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    return dict(getattr(obj, '__annotations__', {}))


def get_origin(tp):
    return getattr(tp, '__origin__', None)


def get_args(tp):
    return getattr(tp, '__args__', None) or ()


def assert_never(arg, /):
    raise AssertionError(f'Expected code to be unreachable, but got: {arg!r}')


def reveal_type(obj, /):
    import sys
    sys.stderr.write(f'Runtime type is {type(obj).__name__!r}\n')
    return obj


def NamedTuple(typename, fields=None, /, **kwargs):
    from collections import namedtuple
    if fields is None:
        fields = kwargs.items()
    return namedtuple(typename, [f for f, _ in fields])


def TypedDict(typename, fields=None, /, *, total=True, **kwargs):
    return dict
