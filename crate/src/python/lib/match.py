# The structural checks of `match` / `case` (PEP 634), as CPython 3.11 makes them.
# front/pattern.rs rewrites each case into a test that calls these three: each
# returns the list of sub-subjects to match, or None when the subject does not fit.
# Loaded into the builtins the first time a program names one.

def __match_seq(subject, before, after, star):
    # A sequence is a list, a tuple, a range or a collections.deque; never a str,
    # bytes or bytearray (CPython: collections.abc.Sequence minus those three).
    if not isinstance(subject, (list, tuple, range)) and type(subject).__name__ != 'deque':
        return None
    items = list(subject)
    n = len(items)
    if star:
        if n < before + after:
            return None
        return items[:before] + [items[before:n - after]] + items[n - after:]
    if n != before:
        return None
    return items


def __match_map(subject, keys, rest):
    if not isinstance(subject, dict):
        return None
    out = []
    for k in keys:
        if k not in subject:
            return None
        out.append(subject[k])
    if rest:
        out.append({k: v for k, v in subject.items() if k not in keys})
    return out


_SELF_MATCHING = (bool, bytes, dict, float, frozenset, int, list, set, str, tuple)


def __match_class(subject, cls, npos, names):
    if not isinstance(cls, type):
        raise TypeError("called match pattern must be a type")
    if not isinstance(subject, cls):
        return None
    out = []
    positional = ()
    if npos:
        args = getattr(cls, '__match_args__', None)
        if args is None and cls in _SELF_MATCHING:
            if npos > 1:
                raise TypeError(f"{cls.__name__}() accepts 1 positional sub-pattern ({npos} given)")
            out.append(subject)
        else:
            if args is None:
                args = ()
            if not isinstance(args, tuple):
                raise TypeError(f"{cls.__name__}.__match_args__ must be a tuple (got {type(args).__name__})")
            if npos > len(args):
                s = '' if len(args) == 1 else 's'
                raise TypeError(f"{cls.__name__}() accepts {len(args)} positional sub-pattern{s} ({npos} given)")
            positional = args[:npos]
    for name in positional + names:
        if name in names and name in positional:
            raise TypeError(f"{cls.__name__}() got multiple sub-patterns for attribute {name!r}")
        try:
            out.append(getattr(subject, name))
        except AttributeError:
            return None
    return out
