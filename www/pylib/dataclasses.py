# dataclasses, as CPython 3.11 behaves, over Boucle's interpreter. CPython generates
# the methods' source and execs it; here they are closures over the fields, raising
# the same errors.

__all__ = ['dataclass', 'field', 'Field', 'FrozenInstanceError', 'InitVar', 'MISSING',
           'fields', 'asdict', 'astuple', 'replace', 'is_dataclass', 'make_dataclass']


class _MissingType:
    def __repr__(self):
        return 'MISSING'


MISSING = _MissingType()



class FrozenInstanceError(AttributeError):
    __module__ = 'dataclasses'  # printed in tracebacks, as CPython's


class InitVar:
    def __init__(self, type):
        self.type = type


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self.kw_only = kw_only

    def __repr__(self):
        return (f'Field(name={self.name!r},type={self.type!r},default={self.default!r},'
                f'default_factory={self.default_factory!r},init={self.init!r},repr={self.repr!r},'
                f'hash={self.hash!r},compare={self.compare!r},metadata={self.metadata!r},'
                f'kw_only={self.kw_only!r},_field_type=_FIELD)')


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True,
          hash=None, compare=True, metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _is_classvar(annotation):
    text = annotation if isinstance(annotation, str) else repr(annotation)
    return 'ClassVar' in text


def _process_class(cls, init, repr_, eq, order, unsafe_hash, frozen, kw_only_default):
    all_fields = {}
    for base in reversed(cls.__mro__[1:]):
        for f in getattr(base, '__dataclass_fields__', {}).values():
            all_fields[f.name] = f
    annotations = cls.__dict__.get('__annotations__', {})
    own = []
    for name, annotation in annotations.items():
        if _is_classvar(annotation):
            continue
        default = cls.__dict__.get(name, MISSING)
        if isinstance(default, Field):
            f = default
        else:
            f = field(default=default)
        f.name = name
        f.type = annotation
        if f.kw_only is MISSING:
            f.kw_only = kw_only_default
        if f.default is not MISSING and type(f.default) in (list, dict, set):
            raise ValueError(f'mutable default {type(f.default)!r} for field {name} '
                             'is not allowed: use default_factory')
        # The class attribute is the default (or nothing, for a factory).
        if isinstance(default, Field):
            if f.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, f.default)
        all_fields[name] = f
        own.append(f)
    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in annotations:
            raise TypeError(f'{name!r} is a field but has no type annotation')
    setattr(cls, '__dataclass_fields__', all_fields)
    setattr(cls, '__dataclass_params__', (init, repr_, eq, order, unsafe_hash, frozen))
    flist = list(all_fields.values())
    qualname = cls.__qualname__

    if init:
        positional = [f for f in flist if f.init and not f.kw_only]
        keyword = [f for f in flist if f.init and f.kw_only]
        seen_default = False
        for f in positional:
            has_default = f.default is not MISSING or f.default_factory is not MISSING
            if has_default:
                seen_default = True
            elif seen_default:
                raise TypeError(f'non-default argument {f.name!r} follows default argument')
        _set(cls, '__init__', _make_init(qualname, flist, positional, keyword, frozen))
    if repr_:
        def __repr__(self):
            inner = ', '.join(f'{f.name}={getattr(self, f.name)!r}' for f in flist if f.repr)
            return f'{type(self).__qualname__}({inner})'
        _set(cls, '__repr__', __repr__)
    compared = [f for f in flist if f.compare]

    def values(obj):
        return tuple(getattr(obj, f.name) for f in compared)
    if eq:
        def __eq__(self, other):
            if other.__class__ is self.__class__:
                return values(self) == values(other)
            return NotImplemented
        _set(cls, '__eq__', __eq__)
    if order:
        for op_name, op in (('__lt__', lambda a, b: a < b), ('__le__', lambda a, b: a <= b),
                            ('__gt__', lambda a, b: a > b), ('__ge__', lambda a, b: a >= b)):
            if op_name in cls.__dict__:
                raise TypeError(f'Cannot overwrite attribute {op_name} in class {cls.__name__}. '
                                'Consider using functools.total_ordering')
            setattr(cls, op_name, _make_order(op, values))
    if frozen:
        names = set(all_fields)

        def __setattr__(self, name, value):
            if type(self) is cls or name in names:
                raise FrozenInstanceError(f"cannot assign to field '{name}'")
            object.__setattr__(self, name, value)

        def __delattr__(self, name):
            if type(self) is cls or name in names:
                raise FrozenInstanceError(f"cannot delete field '{name}'")
            object.__delattr__(self, name)
        setattr(cls, '__setattr__', __setattr__)
        setattr(cls, '__delattr__', __delattr__)
    hashed = [f for f in flist if (f.compare if f.hash is None else f.hash)]
    if unsafe_hash or (eq and frozen):
        def __hash__(self):
            return hash(tuple(getattr(self, f.name) for f in hashed))
        setattr(cls, '__hash__', __hash__)
    elif eq and '__hash__' not in cls.__dict__:
        setattr(cls, '__hash__', None)
    setattr(cls, '__match_args__', tuple(f.name for f in positional_fields(flist)))
    return cls


def positional_fields(flist):
    return [f for f in flist if f.init and not f.kw_only]


def _set(cls, name, value):
    # A method the class defines itself wins over the generated one.
    if name not in cls.__dict__:
        setattr(cls, name, value)


def _make_order(op, values):
    def compare(self, other):
        if other.__class__ is self.__class__:
            return op(values(self), values(other))
        return NotImplemented
    return compare


def _make_init(qualname, flist, positional, keyword, frozen):
    names = [f.name for f in positional]
    kw_names = [f.name for f in keyword]
    fname = f'{qualname}.__init__'

    def __init__(self, *args, **kwargs):
        if len(args) > len(names):
            given = len(args) + 1
            most = len(names) + 1
            least = most - len([f for f in positional if f.default is not MISSING
                                or f.default_factory is not MISSING])
            takes = f'{most}' if least == most else f'from {least} to {most}'
            raise TypeError(f'{fname}() takes {takes} positional argument'
                            f'{"" if most == 1 else "s"} but {given} were given')
        values = {}
        for name, value in zip(names, args):
            values[name] = value
        for name, value in kwargs.items():
            if name in values:
                raise TypeError(f"{fname}() got multiple values for argument '{name}'")
            if name not in names and name not in kw_names:
                raise TypeError(f"{fname}() got an unexpected keyword argument '{name}'")
            values[name] = value
        for group, kind in ((positional, 'positional'), (keyword, 'keyword-only')):
            missing = [f.name for f in group if f.name not in values
                       and f.default is MISSING and f.default_factory is MISSING]
            if missing:
                if len(missing) == 1:
                    listed = repr(missing[0])
                else:
                    listed = ', '.join(repr(m) for m in missing[:-1]) + ' and ' + repr(missing[-1])
                s = '' if len(missing) == 1 else 's'
                raise TypeError(f'{fname}() missing {len(missing)} required {kind} argument{s}: {listed}')
        for f in flist:
            if f.name in values:
                value = values[f.name]
            elif f.default_factory is not MISSING:
                value = f.default_factory()
            elif f.default is not MISSING:
                value = f.default
            else:
                continue
            if frozen:
                object.__setattr__(self, f.name, value)
            else:
                setattr(self, f.name, value)
        post = getattr(self, '__post_init__', None)
        if post is not None:
            post()
    return __init__


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False,
              unsafe_hash=False, frozen=False, match_args=True, kw_only=False, slots=False):
    def wrap(cls):
        if order and not eq:
            raise ValueError('eq must be true if order is true')
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, kw_only)
    if cls is None:
        return wrap
    return wrap(cls)


def _check(obj, fname):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError(f'{fname}() should be called on dataclass instances')


def is_dataclass(obj):
    return hasattr(obj, '__dataclass_fields__')


def fields(class_or_instance):
    try:
        fs = class_or_instance.__dataclass_fields__
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(fs.values())


def _asdict_inner(obj, factory):
    if is_dataclass(obj) and not isinstance(obj, type):
        return factory([(f.name, _asdict_inner(getattr(obj, f.name), factory)) for f in fields(obj)])
    if isinstance(obj, list):
        return [_asdict_inner(v, factory) for v in obj]
    if isinstance(obj, tuple):
        return tuple(_asdict_inner(v, factory) for v in obj)
    if isinstance(obj, dict):
        return {_asdict_inner(k, factory): _asdict_inner(v, factory) for k, v in obj.items()}
    return obj


def asdict(obj, *, dict_factory=dict):
    _check(obj, 'asdict')
    return _asdict_inner(obj, dict_factory)


def _astuple_inner(obj):
    if is_dataclass(obj) and not isinstance(obj, type):
        return tuple(_astuple_inner(getattr(obj, f.name)) for f in fields(obj))
    if isinstance(obj, list):
        return [_astuple_inner(v) for v in obj]
    if isinstance(obj, tuple):
        return tuple(_astuple_inner(v) for v in obj)
    if isinstance(obj, dict):
        return {_astuple_inner(k): _astuple_inner(v) for k, v in obj.items()}
    return obj


def astuple(obj, *, tuple_factory=tuple):
    _check(obj, 'astuple')
    return tuple_factory(_astuple_inner(obj))


def replace(obj, /, **changes):
    _check(obj, 'replace')
    for f in fields(obj):
        if f.init and f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
        elif not f.init and f.name in changes:
            raise ValueError(f'field {f.name} is declared with init=False, '
                             'it cannot be specified with replace()')
    return obj.__class__(**changes)


def make_dataclass(cls_name, fields_, *, bases=(), namespace=None, **options):
    ns = dict(namespace or {})
    annotations = {}
    for item in fields_:
        if isinstance(item, str):
            annotations[item] = 'typing.Any'
        elif len(item) == 2:
            annotations[item[0]] = item[1]
        else:
            annotations[item[0]] = item[1]
            ns[item[0]] = item[2]
    ns['__annotations__'] = annotations
    ns['__module__'] = '__main__'
    return dataclass(type(cls_name, bases, ns), **options)
