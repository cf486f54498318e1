# ExceptionGroup and BaseExceptionGroup (PEP 654), and the helpers of `except*`,
# written in Python over the interpreter's exceptions; loaded the first time a
# program names one of them (see modules::lazy_builtin).


class BaseExceptionGroup(BaseException):
    __module__ = 'builtins'

    def __init__(self, message, exceptions):
        if not isinstance(message, str):
            raise TypeError(f"argument 1 must be str, not {type(message).__name__}")
        excs = tuple(exceptions)
        if not excs:
            raise ValueError("second argument (exceptions) must be a non-empty sequence")
        for i, e in enumerate(excs):
            if not isinstance(e, BaseException):
                raise ValueError(f"Item {i} of second argument (exceptions) is not an exception")
        if isinstance(self, Exception):
            for e in excs:
                if not isinstance(e, Exception):
                    raise TypeError("Cannot nest BaseExceptions in an ExceptionGroup")
        self.args = (message, exceptions)
        self.message = message
        self.exceptions = excs

    def __str__(self):
        n = len(self.exceptions)
        return f"{self.message} ({n} sub-exception{'s' if n > 1 else ''})"

    def derive(self, excs):
        return _group(self.message, excs)

    def split(self, condition):
        if _matches(self, condition):
            return self, None
        match, rest = [], []
        for e in self.exceptions:
            if isinstance(e, BaseExceptionGroup):
                m, r = e.split(condition)
                if m is not None:
                    match.append(m)
                if r is not None:
                    rest.append(r)
            elif _matches(e, condition):
                match.append(e)
            else:
                rest.append(e)
        if not rest:
            return self, None
        if not match:
            return None, self
        match, rest = self.derive(match), self.derive(rest)
        # the parts keep the group's traceback, cause and context
        __copy_exc_state(self, match)
        __copy_exc_state(self, rest)
        return match, rest

    def subgroup(self, condition):
        return self.split(condition)[0]


class ExceptionGroup(BaseExceptionGroup, Exception):
    __module__ = 'builtins'


def _group(message, excs):
    for e in excs:
        if not isinstance(e, Exception):
            return BaseExceptionGroup(message, excs)
    return ExceptionGroup(message, excs)


def _matches(e, condition):
    if isinstance(condition, (type, tuple)):
        return isinstance(e, condition)
    return condition(e)


def __star_split(exc, typ):
    # one `except* typ` clause: (what it handles, what goes on to the next ones)
    if isinstance(typ, type) and issubclass(typ, BaseExceptionGroup):
        raise TypeError("catching ExceptionGroup with except* is not allowed. Use except instead.")
    if exc is None:
        return None, None
    if not isinstance(exc, BaseExceptionGroup):
        if isinstance(exc, typ):
            return _group('', (exc,)), None
        return None, exc
    return exc.split(typ)


def __star_end(state):
    # CPython's _PyExc_PrepReraiseStar: what the try statement raises in the end
    orig, raised, rest = state
    if not isinstance(orig, BaseExceptionGroup):
        if raised:
            return raised[0]
        return None if rest is None else orig
    if any(e is orig for e in raised):
        rest = orig
    raised = [e for e in raised if e is not orig]
    if not raised:
        return rest
    if rest is not None:
        raised.append(rest)
    if len(raised) == 1:
        return raised[0]
    return ExceptionGroup('', raised)
