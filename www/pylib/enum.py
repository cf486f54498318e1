# enum, as CPython 3.11 behaves for what programs use: Enum, IntEnum, StrEnum, Flag,
# IntFlag, auto, unique, member .name / .value, iteration, lookup by value and name.
#
# The interpreter has no real metaclasses: a class's `__metaclass__` attribute names a
# class whose methods answer for the class itself (iteration, len, `in`, `[]`, repr,
# call, and `__init__(cls, name, bases, namespace)` once the class body ran, with the
# namespace in definition order). EnumType is that class here. IntEnum and StrEnum
# cannot subclass int / str: their members answer int's / str's operations through
# their value (so `isinstance(Prio.LOW, int)` is False, unlike CPython).

__all__ = ['EnumType', 'EnumMeta', 'Enum', 'IntEnum', 'StrEnum', 'Flag', 'IntFlag',
           'ReprEnum', 'auto', 'unique', 'member', 'nonmember', 'global_enum']


class auto:
    """Instances are replaced with an appropriate value in Enum class suites."""
    _counter = 0

    def __init__(self, value=None):
        self.value = value

    def __repr__(self):
        return 'auto(%r)' % (self.value,)


class member:
    def __init__(self, value):
        self.value = value


class nonmember:
    def __init__(self, value):
        self.value = value


def _is_dunder(name):
    return len(name) > 4 and name[:2] == name[-2:] == '__' and name[2] != '_' and name[-3] != '_'


def _is_sunder(name):
    return len(name) > 2 and name[0] == name[-1] == '_' and name[1] != '_' and name[-2] != '_'


def _is_descriptor(obj):
    return callable(obj) or isinstance(obj, (property, classmethod, staticmethod))


def _is_private(cls_name, name):
    pattern = '_%s__' % (cls_name,)
    return len(name) > len(pattern) and name.startswith(pattern) and not name.endswith('_')


class _MembersView:
    """What `Color.__members__` gives: a read-only view of name -> member."""

    def __init__(self, mapping):
        self._mapping = mapping

    def __getitem__(self, key):
        return self._mapping[key]

    def __iter__(self):
        return iter(self._mapping)

    def __len__(self):
        return len(self._mapping)

    def __contains__(self, key):
        return key in self._mapping

    def keys(self):
        return self._mapping.keys()

    def values(self):
        return self._mapping.values()

    def items(self):
        return self._mapping.items()

    def get(self, key, default=None):
        return self._mapping.get(key, default)

    def __repr__(self):
        return 'mappingproxy(%r)' % (self._mapping,)

    def __str__(self):
        return str(self._mapping)


class EnumType(type):
    """Metaclass for Enum (through `__metaclass__`, see the top of this file)."""

    def __init__(cls, name, bases, ns):
        if cls.__dict__.get('_enum_base_'):
            # Enum, IntEnum, Flag... themselves: no members
            cls._member_map_ = {}
            cls._member_names_ = []
            cls._value2member_map_ = {}
            return
        for base in bases:
            if getattr(base, '_member_names_', None):
                raise TypeError('<enum %r> cannot extend %r' % (name, base))
        cls._member_map_ = {}
        cls._member_names_ = []
        cls._value2member_map_ = {}
        cls.__members__ = _MembersView(cls._member_map_)
        members = []
        for key, value in ns.items():
            if isinstance(value, nonmember):
                setattr(cls, key, value.value)
                continue
            if isinstance(value, member):
                value = value.value
            elif _is_dunder(key) or _is_sunder(key) or _is_private(name, key) or _is_descriptor(value):
                continue
            members.append((key, value))
        last_values = []
        flag = issubclass(cls, Flag)
        for key, value in members:
            if isinstance(value, auto):
                if value.value is None:
                    value.value = cls._generate_next_value_(key, 1, len(cls._member_names_), last_values[:])
                value = value.value
            last_values.append(value)
            _add_member(cls, key, value)
        if flag:
            mask = 0
            singles = 0
            for m in cls._member_map_.values():
                v = m._value_
                mask |= v
                if v and v & (v - 1) == 0:
                    singles |= v
            cls._flag_mask_ = mask
            cls._singles_mask_ = singles
            cls._all_bits_ = 2 ** mask.bit_length() - 1 if mask else 0

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1, boundary=None):
        if names is not None:
            return _functional(cls, value, names, start)
        if isinstance(value, cls):
            return value
        try:
            return cls._value2member_map_[value]
        except KeyError:
            pass
        except TypeError:
            for m in cls._member_map_.values():
                if m._value_ == value:
                    return m
        if not cls._member_map_ and not issubclass(cls, Flag):
            raise TypeError('%r has no members defined' % (cls,))
        result = cls._missing_(value)
        if isinstance(result, cls):
            return result
        if result is None:
            raise ValueError('%r is not a valid %s' % (value, cls.__qualname__))
        raise TypeError('error in %s._missing_: returned %r instead of None or a valid member'
                        % (cls.__name__, result))

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    def __contains__(cls, value):
        if not isinstance(value, Enum):
            raise TypeError("unsupported operand type(s) for 'in': '%s' and '%s'"
                            % (type(value).__qualname__, 'EnumType'))
        return isinstance(value, cls) and value._name_ in cls._member_map_

    def __repr__(cls):
        if issubclass(cls, Flag):
            return "<flag %r>" % (cls.__name__,)
        return "<enum %r>" % (cls.__name__,)


EnumMeta = EnumType


def _add_member(cls, key, value):
    if key in cls._member_map_:
        raise TypeError('%r already defined as %r' % (key, cls._member_map_[key]._value_))
    raw = value
    if cls._member_type_ is not object and not isinstance(value, tuple):
        value = cls._member_type_(value)
    m = object.__new__(cls)
    m._name_ = key
    m._value_ = value
    if cls.__init__ is not Enum.__init__:
        args = raw if isinstance(raw, tuple) else (raw,)
        cls.__init__(m, *args)
    m._sort_order_ = len(cls._member_names_)
    # an alias: a second name for a value already there
    for other in cls._member_map_.values():
        if other._value_ == m._value_:
            cls._member_map_[key] = other
            setattr(cls, key, other)
            return
    cls._member_names_.append(key)
    cls._member_map_[key] = m
    try:
        cls._value2member_map_.setdefault(m._value_, m)
    except TypeError:
        pass
    setattr(cls, key, m)


def _functional(cls, class_name, names, start):
    if isinstance(names, str):
        names = names.replace(',', ' ').split()
    ns = {}
    if isinstance(names, dict):
        ns.update(names)
    else:
        last = []
        for i, item in enumerate(names):
            if isinstance(item, str):
                v = cls._generate_next_value_(item, start, i, last[:])
                ns[item] = v
                last.append(v)
            else:
                ns[item[0]] = item[1]
    return type(class_name, (cls,), ns)


class Enum:
    """Create a collection of name/value pairs."""
    __metaclass__ = EnumType
    _enum_base_ = True
    _member_type_ = object

    def __init__(self, *args, **kwds):
        pass

    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return start
        try:
            return max(last_values) + 1
        except TypeError:
            for v in reversed(last_values):
                try:
                    return v + 1
                except TypeError:
                    pass
            return start

    @classmethod
    def _missing_(cls, value):
        return None

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_

    def __repr__(self):
        return '<%s.%s: %r>' % (type(self).__name__, self._name_, self._value_)

    def __str__(self):
        return '%s.%s' % (type(self).__name__, self._name_)

    def __format__(self, spec):
        return format(str(self), spec)

    def __hash__(self):
        return hash(self._name_)

    def __eq__(self, other):
        return self is other

    def __ne__(self, other):
        return self is not other

    def __reduce_ex__(self, proto):
        return type(self), (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __setattr__(self, key, value):
        if key in ('name', 'value'):
            raise AttributeError("property '%s' of '%s' object has no setter" % (key, type(self).__name__))
        object.__setattr__(self, key, value)


class ReprEnum(Enum):
    """Only changes the repr(), leaving str() and format() to the mixed-in type."""
    _enum_base_ = True


def _value_op(fn, reflected=False):
    def op(self, other):
        if isinstance(other, Enum):
            other = other._value_
        a, b = (other, self._value_) if reflected else (self._value_, other)
        return fn(a, b)
    return op


def _add(a, b):
    return a + b


def _sub(a, b):
    return a - b


def _mul(a, b):
    return a * b


class _ValueMixin:
    """The operations of the value's type, for members of IntEnum / StrEnum / IntFlag."""

    def __str__(self):
        return str(self._value_)

    def __format__(self, spec):
        return format(self._value_, spec)

    def __eq__(self, other):
        if isinstance(other, Enum):
            other = other._value_
        return self._value_ == other

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash(self._value_)

    def __lt__(self, other):
        return self._value_ < (other._value_ if isinstance(other, Enum) else other)

    def __le__(self, other):
        return self._value_ <= (other._value_ if isinstance(other, Enum) else other)

    def __gt__(self, other):
        return self._value_ > (other._value_ if isinstance(other, Enum) else other)

    def __ge__(self, other):
        return self._value_ >= (other._value_ if isinstance(other, Enum) else other)

    def __getattr__(self, name):
        if name.startswith('_'):
            raise AttributeError("'%s' object has no attribute '%s'" % (type(self).__name__, name))
        return getattr(self._value_, name)


class IntEnum(_ValueMixin, ReprEnum):
    """Enum where members are also (and must be) ints."""
    _enum_base_ = True
    _member_type_ = int

    def __int__(self):
        return self._value_

    def __index__(self):
        return self._value_

    def __float__(self):
        return float(self._value_)

    def __bool__(self):
        return bool(self._value_)

    def __neg__(self):
        return -self._value_

    def __abs__(self):
        return abs(self._value_)

    __add__ = _value_op(_add)
    __radd__ = _value_op(_add, True)
    __sub__ = _value_op(_sub)
    __rsub__ = _value_op(_sub, True)
    __mul__ = _value_op(_mul)
    __rmul__ = _value_op(_mul, True)
    __truediv__ = _value_op(lambda a, b: a / b)
    __rtruediv__ = _value_op(lambda a, b: a / b, True)
    __floordiv__ = _value_op(lambda a, b: a // b)
    __rfloordiv__ = _value_op(lambda a, b: a // b, True)
    __mod__ = _value_op(lambda a, b: a % b)
    __rmod__ = _value_op(lambda a, b: a % b, True)
    __pow__ = _value_op(lambda a, b: a ** b)


class StrEnum(_ValueMixin, ReprEnum):
    """Enum where members are also (and must be) strings."""
    _enum_base_ = True
    _member_type_ = str

    def _generate_next_value_(name, start, count, last_values):
        return name.lower()

    def __len__(self):
        return len(self._value_)

    def __iter__(self):
        return iter(self._value_)

    def __contains__(self, x):
        return x in self._value_

    __add__ = _value_op(_add)
    __radd__ = _value_op(_add, True)
    __mul__ = _value_op(_mul)


class Flag(Enum):
    """Support for flags."""
    _enum_base_ = True

    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        last = max(last_values)
        return 2 ** last.bit_length()

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError('%r is not a valid %s' % (value, cls.__qualname__))
        mask = cls._flag_mask_
        if value < 0:
            value = cls._all_bits_ + 1 + value
        unknown = value & ~mask
        if unknown:
            raise ValueError('%s(%r) -->  unknown values %r [%s]'
                             % (cls.__name__, value, unknown, bin(unknown)))
        pseudo = object.__new__(cls)
        pseudo._value_ = value
        members = [m for m in cls if m._value_ & value == m._value_ and m._value_]
        if members:
            pseudo._name_ = '|'.join(m._name_ for m in members)
        else:
            pseudo._name_ = None
        return cls._value2member_map_.setdefault(value, pseudo)

    def __contains__(self, other):
        if not isinstance(other, type(self)):
            raise TypeError("unsupported operand type(s) for 'in': %r and %r"
                            % (type(other).__qualname__, type(self).__qualname__))
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        return iter([m for m in type(self) if m._value_ & self._value_ == m._value_ and m._value_])

    def __len__(self):
        return bin(self._value_).count('1')

    def __bool__(self):
        return bool(self._value_)

    def __repr__(self):
        if self._name_ is None:
            return '<%s: %r>' % (type(self).__name__, self._value_)
        return '<%s.%s: %r>' % (type(self).__name__, self._name_, self._value_)

    def __str__(self):
        if self._name_ is None:
            return '%s(%r)' % (type(self).__name__, self._value_)
        return '%s.%s' % (type(self).__name__, self._name_)

    def __or__(self, other):
        if isinstance(other, type(self)):
            other = other._value_
        elif not isinstance(other, int) or not self._member_type_ is int:
            return NotImplemented
        return type(self)(self._value_ | other)

    def __and__(self, other):
        if isinstance(other, type(self)):
            other = other._value_
        elif not isinstance(other, int) or not self._member_type_ is int:
            return NotImplemented
        return type(self)(self._value_ & other)

    def __xor__(self, other):
        if isinstance(other, type(self)):
            other = other._value_
        elif not isinstance(other, int) or not self._member_type_ is int:
            return NotImplemented
        return type(self)(self._value_ ^ other)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__

    def __invert__(self):
        return type(self)(self._flag_mask_ & ~self._value_)


class IntFlag(_ValueMixin, Flag):
    """Support for integer-based Flags."""
    _enum_base_ = True
    _member_type_ = int

    def __int__(self):
        return self._value_

    def __index__(self):
        return self._value_

    def __bool__(self):
        return bool(self._value_)

    def __repr__(self):
        return Flag.__repr__(self)


def unique(enumeration):
    """Class decorator for enumerations ensuring unique member values."""
    duplicates = []
    for name, m in enumeration.__members__.items():
        if name != m.name:
            duplicates.append((name, m.name))
    if duplicates:
        alias_details = ', '.join(['%s -> %s' % (alias, name) for (alias, name) in duplicates])
        raise ValueError('duplicate values found in %r: %s' % (enumeration, alias_details))
    return enumeration


def global_enum(cls):
    return cls
