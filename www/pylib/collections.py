# collections, as CPython 3.11 behaves, over Boucle's interpreter.
# The interpreter cannot subclass dict or tuple yet: Counter, defaultdict and
# OrderedDict wrap a dict, namedtuple classes wrap a tuple; they answer the same
# protocols (len, in, iteration, [], ==, repr, keys/values/items, unpacking).

__all__ = ['deque', 'Counter', 'defaultdict', 'OrderedDict', 'namedtuple', 'ChainMap']

_MISSING = object()


class deque:
    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None:
            if not isinstance(maxlen, int):
                raise TypeError('an integer is required')
            if maxlen < 0:
                raise ValueError('maxlen must be non-negative')
        self._items = []
        self._maxlen = maxlen
        self.extend(iterable)

    @property
    def maxlen(self):
        return self._maxlen

    def _trim_left(self):
        if self._maxlen is not None and len(self._items) > self._maxlen:
            del self._items[:len(self._items) - self._maxlen]

    def _trim_right(self):
        if self._maxlen is not None and len(self._items) > self._maxlen:
            del self._items[self._maxlen:]

    def append(self, x):
        self._items.append(x)
        self._trim_left()

    def appendleft(self, x):
        self._items.insert(0, x)
        self._trim_right()

    def extend(self, iterable):
        for x in list(iterable):
            self.append(x)

    def extendleft(self, iterable):
        for x in list(iterable):
            self.appendleft(x)

    def pop(self):
        if not self._items:
            raise IndexError('pop from an empty deque')
        return self._items.pop()

    def popleft(self):
        if not self._items:
            raise IndexError('pop from an empty deque')
        return self._items.pop(0)

    def clear(self):
        self._items.clear()

    def copy(self):
        return deque(self._items, self._maxlen)

    def count(self, x):
        return self._items.count(x)

    def index(self, x, *args):
        try:
            return self._items.index(x, *args)
        except ValueError:
            raise ValueError(f'{x!r} is not in deque') from None

    def insert(self, i, x):
        if self._maxlen is not None and len(self._items) >= self._maxlen:
            raise IndexError('deque already at its maximum size')
        self._items.insert(i, x)

    def remove(self, x):
        try:
            self._items.remove(x)
        except ValueError:
            raise ValueError(f'{x!r} is not in deque') from None

    def reverse(self):
        self._items.reverse()

    def rotate(self, n=1):
        k = len(self._items)
        if k:
            n = n % k
            if n:
                self._items[:] = self._items[-n:] + self._items[:-n]

    def __len__(self):
        return len(self._items)

    def __bool__(self):
        return bool(self._items)

    def __iter__(self):
        return iter(self._items)

    def __reversed__(self):
        return reversed(self._items)

    def __contains__(self, x):
        return x in self._items

    def __getitem__(self, i):
        if isinstance(i, slice):
            raise TypeError('sequence index must be integer, not \'slice\'')
        try:
            return self._items[i]
        except IndexError:
            raise IndexError('deque index out of range') from None

    def __setitem__(self, i, x):
        try:
            self._items[i] = x
        except IndexError:
            raise IndexError('deque index out of range') from None

    def __delitem__(self, i):
        try:
            del self._items[i]
        except IndexError:
            raise IndexError('deque index out of range') from None

    def __eq__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items == other._items

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError(f'can only concatenate deque (not "{type(other).__name__}") to deque')
        return deque(self._items + other._items, self._maxlen)

    def __repr__(self):
        if self._maxlen is None:
            return f'deque({self._items!r})'
        return f'deque({self._items!r}, maxlen={self._maxlen})'


class _DictWrapper:
    # The mapping protocol over self._d.
    def __len__(self):
        return len(self._d)

    def __iter__(self):
        return iter(self._d)

    def __contains__(self, key):
        return key in self._d

    def __getitem__(self, key):
        if key in self._d:
            return self._d[key]
        return self.__missing__(key)

    def __missing__(self, key):
        raise KeyError(key)

    def __setitem__(self, key, value):
        self._d[key] = value

    def __delitem__(self, key):
        del self._d[key]

    def __bool__(self):
        return bool(self._d)

    def __reversed__(self):
        return reversed(list(self._d))

    def keys(self):
        return self._d.keys()

    def values(self):
        return self._d.values()

    def items(self):
        return self._d.items()

    def get(self, key, default=None):
        return self._d.get(key, default)

    def pop(self, key, default=_MISSING):
        if default is _MISSING:
            return self._d.pop(key)
        return self._d.pop(key, default)

    def popitem(self):
        return self._d.popitem()

    def setdefault(self, key, default=None):
        return self._d.setdefault(key, default)

    def clear(self):
        self._d.clear()

    def update(self, other=(), **kwargs):
        self._d.update(_as_dict(other))
        self._d.update(kwargs)

    def __eq__(self, other):
        if isinstance(other, _DictWrapper):
            return self._d == other._d
        if isinstance(other, dict):
            return self._d == other
        return NotImplemented


def _as_dict(other):
    if isinstance(other, _DictWrapper):
        return other._d
    if isinstance(other, dict):
        return other
    if hasattr(other, 'keys'):
        return {k: other[k] for k in other.keys()}
    return dict(other)


class defaultdict(_DictWrapper):
    def __init__(self, default_factory=None, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError('first argument must be callable or None')
        self.default_factory = default_factory
        self._d = {}
        if args:
            self._d.update(_as_dict(args[0]))
        self._d.update(kwargs)

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self._d[key] = value
        return value

    def copy(self):
        return defaultdict(self.default_factory, self._d)

    def __repr__(self):
        if self.default_factory is None:
            f = 'None'
        else:
            f = repr(self.default_factory)
        return f'defaultdict({f}, {self._d!r})'


class OrderedDict(_DictWrapper):
    def __init__(self, other=(), **kwargs):
        self._d = {}
        self._d.update(_as_dict(other))
        self._d.update(kwargs)

    def popitem(self, last=True):
        if not self._d:
            raise KeyError('dictionary is empty')
        key = list(self._d)[-1 if last else 0]
        return key, self._d.pop(key)

    def move_to_end(self, key, last=True):
        value = self._d.pop(key)
        if last:
            self._d[key] = value
        else:
            rest = self._d
            self._d = {key: value}
            self._d.update(rest)

    def copy(self):
        return OrderedDict(self._d)

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return list(self._d.items()) == list(other._d.items())
        return _DictWrapper.__eq__(self, other)

    def __repr__(self):
        if not self._d:
            return 'OrderedDict()'
        return f'OrderedDict({list(self._d.items())!r})'


class Counter(_DictWrapper):
    def __init__(self, iterable=None, **kwargs):
        self._d = {}
        self.update(iterable, **kwargs)

    def __missing__(self, key):
        return 0

    def total(self):
        return sum(self._d.values())

    def most_common(self, n=None):
        # sorted is stable: equal counts keep the order they were first seen in
        items = sorted(self._d.items(), key=lambda kv: kv[1], reverse=True)
        if n is None:
            return items
        return items[:max(n, 0)]

    def elements(self):
        for k, v in self._d.items():
            for _ in range(v):
                yield k

    def update(self, iterable=None, **kwargs):
        if iterable is not None:
            if isinstance(iterable, (_DictWrapper, dict)):
                for k, v in _as_dict(iterable).items():
                    self._d[k] = self._d.get(k, 0) + v
            else:
                for k in iterable:
                    self._d[k] = self._d.get(k, 0) + 1
        for k, v in kwargs.items():
            self._d[k] = self._d.get(k, 0) + v

    def subtract(self, iterable=None, **kwargs):
        if iterable is not None:
            if isinstance(iterable, (_DictWrapper, dict)):
                for k, v in _as_dict(iterable).items():
                    self._d[k] = self._d.get(k, 0) - v
            else:
                for k in iterable:
                    self._d[k] = self._d.get(k, 0) - 1
        for k, v in kwargs.items():
            self._d[k] = self._d.get(k, 0) - v

    def copy(self):
        return Counter(self._d)

    def __delitem__(self, key):
        if key in self._d:
            del self._d[key]

    def __eq__(self, other):
        if not isinstance(other, (Counter, dict)):
            return NotImplemented
        o = _as_dict(other)
        return all(self[k] == (o[k] if k in o else 0) for k in set(self._d) | set(o))

    def _keep(self, pairs):
        c = Counter()
        for k, v in pairs:
            if v > 0:
                c._d[k] = v
        return c

    def __add__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        keys = list(self._d) + [k for k in other._d if k not in self._d]
        return self._keep((k, self[k] + other[k]) for k in keys)

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        keys = list(self._d) + [k for k in other._d if k not in self._d]
        return self._keep((k, self[k] - other[k]) for k in keys)

    def __or__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        keys = list(self._d) + [k for k in other._d if k not in self._d]
        return self._keep((k, max(self[k], other[k])) for k in keys)

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self._keep((k, min(self[k], other[k])) for k in self._d if k in other._d)

    def __pos__(self):
        return self._keep(self._d.items())

    def __neg__(self):
        return self._keep((k, -v) for k, v in self._d.items())

    def __repr__(self):
        if not self._d:
            return 'Counter()'
        inner = ', '.join(f'{k!r}: {v!r}' for k, v in self.most_common())
        return f'Counter({{{inner}}})'


class ChainMap(_DictWrapper):
    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    @property
    def _d(self):
        d = {}
        for m in reversed(self.maps):
            d.update(_as_dict(m))
        return d

    def __getitem__(self, key):
        for m in self.maps:
            if key in m:
                return m[key]
        raise KeyError(key)

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError(f'Key not found in the first mapping: {key!r}') from None

    def new_child(self, m=None):
        return ChainMap({} if m is None else m, *self.maps)

    @property
    def parents(self):
        return ChainMap(*self.maps[1:])

    def __repr__(self):
        return f'ChainMap({", ".join(repr(m) for m in self.maps)})'


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    field_names = tuple(str(f) for f in field_names)
    for name in (typename,) + field_names:
        if not name.isidentifier():
            raise ValueError(f'Type names and field names must be valid identifiers: {name!r}')
    seen = set()
    for name in field_names:
        if name.startswith('_'):
            raise ValueError(f'Field names cannot start with an underscore: {name!r}')
        if name in seen:
            raise ValueError(f'Encountered duplicate field name: {name!r}')
        seen.add(name)
    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(field_names):
            raise TypeError('Got more default values than field names')
        field_defaults = dict(zip(field_names[len(field_names) - len(defaults):], defaults))
    nfields = len(field_names)

    class _Tuple:
        _fields = field_names
        _field_defaults = field_defaults

        def __init__(self, *args, **kwargs):
            if len(args) > nfields:
                least = nfields + 1 - len(field_defaults)
                takes = f'{nfields + 1}' if least == nfields + 1 else f'from {least} to {nfields + 1}'
                raise TypeError(f'{typename}.__new__() takes {takes} positional arguments but {len(args) + 1} were given')
            values = list(args)
            for name in field_names[len(args):]:
                if name in kwargs:
                    values.append(kwargs.pop(name))
                elif name in field_defaults:
                    values.append(field_defaults[name])
                else:
                    missing = [n for n in field_names[len(values):] if n not in kwargs and n not in field_defaults]
                    if len(missing) == 1:
                        raise TypeError(f"{typename}.__new__() missing 1 required positional argument: '{missing[0]}'")
                    listed = ', '.join(repr(m) for m in missing[:-1]) + ' and ' + repr(missing[-1])
                    raise TypeError(f'{typename}.__new__() missing {len(missing)} required positional arguments: {listed}')
            for name in kwargs:
                if name in field_names:
                    raise TypeError(f"{typename}.__new__() got multiple values for argument '{name}'")
                raise TypeError(f"{typename}.__new__() got an unexpected keyword argument '{name}'")
            object.__setattr__(self, '_values', tuple(values))

        def __getattr__(self, name):
            if name in field_names:
                return self._values[field_names.index(name)]
            raise AttributeError(f"'{typename}' object has no attribute '{name}'")

        def __setattr__(self, name, value):
            if name in field_names:
                raise AttributeError("can't set attribute")
            raise AttributeError(f"'{typename}' object has no attribute '{name}'")

        @classmethod
        def _make(cls, iterable):
            values = tuple(iterable)
            if len(values) != nfields:
                raise TypeError(f'Expected {nfields} arguments, got {len(values)}')
            return cls(*values)

        def _asdict(self):
            return dict(zip(field_names, self._values))

        def _replace(self, **kwargs):
            values = [kwargs.pop(n) if n in kwargs else v for n, v in zip(field_names, self._values)]
            if kwargs:
                raise ValueError(f'Got unexpected field names: {list(kwargs)!r}')
            return type(self)(*values)

        def __repr__(self):
            inner = ', '.join(f'{n}={v!r}' for n, v in zip(field_names, self._values))
            return f'{typename}({inner})'

        def __iter__(self):
            return iter(self._values)

        def __len__(self):
            return nfields

        def __getitem__(self, i):
            if isinstance(i, slice):
                return self._values[i]
            try:
                return self._values[i]
            except IndexError:
                raise IndexError('tuple index out of range') from None

        def __contains__(self, x):
            return x in self._values

        def __hash__(self):
            return hash(self._values)

        def _other(self, other):
            if isinstance(other, _Tuple):
                return other._values
            if isinstance(other, tuple):
                return other
            return None

        def __eq__(self, other):
            o = self._other(other)
            return NotImplemented if o is None else self._values == o

        def __ne__(self, other):
            o = self._other(other)
            return NotImplemented if o is None else self._values != o

        def __lt__(self, other):
            o = self._other(other)
            return NotImplemented if o is None else self._values < o

        def __le__(self, other):
            o = self._other(other)
            return NotImplemented if o is None else self._values <= o

        def __gt__(self, other):
            o = self._other(other)
            return NotImplemented if o is None else self._values > o

        def __ge__(self, other):
            o = self._other(other)
            return NotImplemented if o is None else self._values >= o

        def __add__(self, other):
            return self._values + tuple(other)

        def count(self, x):
            return self._values.count(x)

        def index(self, x):
            return self._values.index(x)

    ns = dict(_Tuple.__dict__)
    ns['__module__'] = '__main__' if module is None else module
    ns.pop('__dict__', None)
    _Tuple = type(typename, (), ns)
    return _Tuple
