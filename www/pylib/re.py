"""Support for regular expressions (RE)."""
# re, as CPython 3.11 behaves for the common surface: compile, match, search,
# fullmatch, findall, finditer, sub, subn, split, escape, purge; Match and Pattern
# objects; flags IGNORECASE, MULTILINE, DOTALL, VERBOSE, ASCII; re.error with its
# message and position (sre_parse's wording).
#
# A backtracking engine written in Python (CPython's is in C): the pattern is parsed
# into a tree, then compiled into closures in continuation-passing style; a repeat of
# one character (`\d+`, `.*?`, `[a-z]{2,5}`) loops instead of recursing, so long
# subjects do not reach the recursion limit; a repeated group (`(ab)+`, `(\w+\s)*`)
# recurses, about 8 frames an iteration, so past ~120 iterations it raises
# RecursionError where CPython does not. Not supported: possessive quantifiers
# and atomic groups (new in 3.11), conditional groups `(?(1)...)`, bytes patterns.

__all__ = ['match', 'fullmatch', 'search', 'sub', 'subn', 'split', 'findall',
           'finditer', 'compile', 'purge', 'template', 'escape', 'error', 'Pattern',
           'Match', 'A', 'I', 'L', 'M', 'S', 'X', 'U', 'ASCII', 'IGNORECASE',
           'LOCALE', 'MULTILINE', 'DOTALL', 'VERBOSE', 'UNICODE', 'NOFLAG', 'RegexFlag']

__version__ = '2.2.1'


class RegexFlag:
    """The re flags: ints that print as CPython 3.11's (re.IGNORECASE|re.MULTILINE)."""
    _names = [(256, 'ASCII'), (2, 'IGNORECASE'), (4, 'LOCALE'), (8, 'MULTILINE'),
              (16, 'DOTALL'), (32, 'UNICODE'), (64, 'VERBOSE'), (128, 'DEBUG')]

    def __init__(self, value):
        self.value = int(value)

    def __repr__(self):
        v = self.value
        if v == 0:
            return 're.NOFLAG'
        parts = []
        for bit, name in sorted(self._names):
            if v & bit:
                parts.append('re.' + name)
                v &= ~bit
        if v:
            parts.append(hex(v))
        return '|'.join(parts)

    __str__ = __repr__

    def __int__(self):
        return self.value

    def __index__(self):
        return self.value

    def __hash__(self):
        return hash(self.value)

    def __eq__(self, other):
        return self.value == int(other) if isinstance(other, (int, RegexFlag)) else False

    def __bool__(self):
        return self.value != 0

    def __or__(self, other):
        return RegexFlag(self.value | int(other))

    __ror__ = __or__

    def __and__(self, other):
        return RegexFlag(self.value & int(other))

    __rand__ = __and__

    def __xor__(self, other):
        return RegexFlag(self.value ^ int(other))

    def __invert__(self):
        return RegexFlag(~self.value & 511)


NOFLAG = RegexFlag(0)
A = ASCII = RegexFlag(256)
I = IGNORECASE = RegexFlag(2)
L = LOCALE = RegexFlag(4)
M = MULTILINE = RegexFlag(8)
S = DOTALL = RegexFlag(16)
U = UNICODE = RegexFlag(32)
X = VERBOSE = RegexFlag(64)
T = TEMPLATE = RegexFlag(1)
DEBUG = RegexFlag(128)

_I, _L, _M, _S, _U, _X, _A = 2, 4, 8, 16, 32, 64, 256


class error(Exception):
    """Exception raised for invalid regular expressions."""

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        self.lineno = None
        self.colno = None
        if pattern is not None and pos is not None:
            msg = '%s at position %d' % (msg, pos)
            if isinstance(pattern, str) and '\n' in pattern:
                self.lineno = pattern.count('\n', 0, pos) + 1
                self.colno = pos - (pattern.rfind('\n', 0, pos) + 1)
                msg = '%s (line %d, column %d)' % (msg, self.lineno, self.colno)
            else:
                self.lineno = 1
                self.colno = pos + 1
        super().__init__(msg)


PatternError = error

# ---------------------------------------------------------------- parsing

_SPECIAL = '.\\[{()*+?^$|'
_REPEAT = '*+?{'
_DIGITS = '0123456789'
_WHITESPACE = ' \t\n\r\v\f'
_ESCAPES = {'a': '\a', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t', 'v': '\v', '\\': '\\'}
_CATEGORIES = 'dDsSwW'


class _Source:
    def __init__(self, pattern):
        self.s = pattern
        self.i = 0

    def peek(self, n=0):
        j = self.i + n
        return self.s[j] if j < len(self.s) else None

    def get(self):
        c = self.peek()
        if c is not None:
            self.i += 1
        return c

    def match(self, c):
        if self.peek() == c:
            self.i += 1
            return True
        return False

    def error(self, msg, offset=0):
        return error(msg, self.s, self.i - offset)


# Tree nodes are tuples:
#   ('lit', text)   ('set', pred, negate-free predicate)   ('any',)
#   ('seq', [nodes])   ('alt', [nodes])   ('group', index or None, node)
#   ('rep', node, min, max or None, greedy)   ('at', kind)   ('ref', index)
#   ('look', ahead?, positive?, node)   ('flags', add, remove, node)


class _Parser:
    def __init__(self, pattern, flags):
        self.src = _Source(pattern)
        self.pattern = pattern
        self.flags = flags
        self.groups = 1
        self.groupdict = {}
        self.open = []

    def parse(self):
        flags = self.flags
        node = self.alternation()
        if self.src.peek() is not None:
            if self.src.peek() == ')':
                raise error('unbalanced parenthesis', self.pattern, self.src.i)
            raise self.src.error('internal error')
        return node

    def verbose(self):
        return self.flags & _X

    def alternation(self):
        branches = [self.sequence()]
        while self.src.match('|'):
            branches.append(self.sequence())
        if len(branches) == 1:
            return branches[0]
        return ('alt', branches)

    def sequence(self):
        items = []
        src = self.src
        while True:
            c = src.peek()
            if c is None or c in '|)':
                break
            start = src.i
            if self.verbose():
                if c in _WHITESPACE:
                    src.get()
                    continue
                if c == '#':
                    while src.peek() is not None and src.peek() != '\n':
                        src.get()
                    continue
            src.get()
            if c == '[':
                item = self.charset(start)
            elif c == '.':
                item = ('any',)
            elif c == '^':
                item = ('at', 'bol')
            elif c == '$':
                item = ('at', 'eol')
            elif c == '(':
                item = self.group(start)
                if item is None:
                    continue
            elif c == '\\':
                item = self.escape(start)
            elif c in _REPEAT:
                if c == '{' and not self.is_repeat():
                    item = ('lit', '{')
                else:
                    raise error('nothing to repeat', self.pattern, start)
            else:
                item = ('lit', c)
            item = self.repeats(item)
            items.append(item)
        # consecutive literals in one node
        merged = []
        for it in items:
            if it[0] == 'lit' and merged and merged[-1][0] == 'lit':
                merged[-1] = ('lit', merged[-1][1] + it[1])
            else:
                merged.append(it)
        if len(merged) == 1:
            return merged[0]
        return ('seq', merged)

    def is_repeat(self):
        # `{` starts a repeat only as {m}, {m,}, {,n}, {m,n}
        s, i = self.pattern, self.src.i
        j = i
        while j < len(s) and s[j] in _DIGITS:
            j += 1
        if j < len(s) and s[j] == ',':
            j += 1
            while j < len(s) and s[j] in _DIGITS:
                j += 1
        return j < len(s) and s[j] == '}'

    def repeats(self, item):
        src = self.src
        while True:
            if self.verbose():
                while src.peek() is not None and src.peek() in _WHITESPACE:
                    src.get()
            c = src.peek()
            if c is None or c not in _REPEAT:
                return item
            here = src.i
            if c == '{':
                src.get()
                if not self.is_repeat():
                    src.i = here
                    return item
                lo = ''
                while src.peek() in _DIGITS:
                    lo += src.get()
                hi = lo
                if src.match(','):
                    hi = ''
                    while src.peek() is not None and src.peek() in _DIGITS:
                        hi += src.get()
                src.get()  # }
                mn = int(lo) if lo else 0
                mx = int(hi) if hi else None
                if mx is not None and mx < mn:
                    raise error('min repeat greater than max repeat', self.pattern, here + 1)
            else:
                src.get()
                mn, mx = {'*': (0, None), '+': (1, None), '?': (0, 1)}[c]
            if item[0] == 'at' or (item[0] == 'rep'):
                if item[0] == 'rep':
                    raise error('multiple repeat', self.pattern, here)
                raise error('nothing to repeat', self.pattern, here)
            greedy = True
            if src.match('?'):
                greedy = False
            elif src.peek() == '+':
                raise error('possessive quantifiers are not supported', self.pattern, src.i)
            if item[0] == 'lit' and len(item[1]) > 1:
                # only the last character repeats: 'ab*'
                head = ('lit', item[1][:-1])
                return ('seq', [head, ('rep', ('lit', item[1][-1]), mn, mx, greedy)])
            item = ('rep', item, mn, mx, greedy)

    def group_name(self, start, terminator):
        src = self.src
        name = ''
        while True:
            c = src.get()
            if c is None:
                raise error('missing %s, unterminated name' % terminator, self.pattern, start)
            if c == terminator:
                break
            name += c
        if not name:
            raise error('missing group name', self.pattern, start)
        if not name.isidentifier():
            raise error('bad character in group name %r' % name, self.pattern, start)
        return name

    def group(self, start):
        src = self.src
        index = None
        name = None
        if src.match('?'):
            c = src.get()
            if c is None:
                raise error('unexpected end of pattern', self.pattern, src.i)
            if c == ':':
                pass
            elif c == 'P':
                if src.match('<'):
                    name = self.group_name(src.i, '>')
                    if name in self.groupdict:
                        raise error('redefinition of group name %r as group %d; was group %d'
                                    % (name, self.groups, self.groupdict[name]),
                                    self.pattern, src.i - len(name) - 1)
                elif src.match('='):
                    at = src.i
                    name = self.group_name(at, ')')
                    if name not in self.groupdict:
                        raise error('unknown group name %r' % name, self.pattern, at)
                    return ('ref', self.groupdict[name])
                else:
                    c = src.get()
                    if c is None:
                        raise error('unexpected end of pattern', self.pattern, src.i)
                    raise error('unknown extension ?P' + c, self.pattern, start + 1)
            elif c == '#':
                while True:
                    c = src.get()
                    if c is None:
                        raise error('missing ), unterminated comment', self.pattern, start)
                    if c == ')':
                        return None
            elif c in '=!':
                node = self.alternation()
                if not src.match(')'):
                    raise error('missing ), unterminated subpattern', self.pattern, start)
                return ('look', True, c == '=', node)
            elif c == '<':
                c = src.get()
                if c is None or c not in '=!':
                    if c is None:
                        raise error('unexpected end of pattern', self.pattern, src.i)
                    raise error('unknown extension ?<' + c, self.pattern, start + 1)
                node = self.alternation()
                if not src.match(')'):
                    raise error('missing ), unterminated subpattern', self.pattern, start)
                width = _width(node)
                if width is None:
                    raise error('look-behind requires fixed-width pattern')
                return ('look', False, c == '=', node, width)
            elif c in 'aiLmsux-':
                return self.inline_flags(c, start)
            else:
                raise error('unknown extension ?' + c, self.pattern, start + 1)
        if name is not None or not src.s[start + 1:start + 2] == '?':
            index = self.groups
            self.groups += 1
            if name is not None:
                self.groupdict[name] = index
        self.open.append(index)
        node = self.alternation()
        self.open.pop()
        if not src.match(')'):
            raise error('missing ), unterminated subpattern', self.pattern, start)
        return ('group', index, node)

    def inline_flags(self, c, start):
        src = self.src
        letters = {'a': _A, 'i': _I, 'L': _L, 'm': _M, 's': _S, 'u': _U, 'x': _X}
        add = 0
        remove = 0
        while c in letters:
            add |= letters[c]
            c = src.get()
            if c is None:
                raise error('missing -, : or )', self.pattern, src.i)
        if c == '-':
            c = src.get()
            while c is not None and c in letters:
                remove |= letters[c]
                c = src.get()
        if c == ')':
            if start != 0:
                raise error('global flags not at the start of the expression', self.pattern, start)
            self.flags |= add
            return None
        if c != ':':
            if c is None:
                raise error('missing -, : or )', self.pattern, src.i)
            raise error('unknown flag' if c.isalpha() else 'missing -, : or )', self.pattern, src.i - 1)
        old = self.flags
        self.flags = (self.flags | add) & ~remove
        node = self.alternation()
        self.flags = old
        if not src.match(')'):
            raise error('missing ), unterminated subpattern', self.pattern, start)
        return ('flags', add, remove, node)

    def class_escape(self, start):
        """An escape inside [...]: ('char', c) or ('cat', letter)."""
        src = self.src
        c = src.get()
        if c is None:
            raise error('bad escape (end of pattern)', self.pattern, start)
        if c in _CATEGORIES:
            return ('cat', c)
        if c in _ESCAPES:
            return ('char', _ESCAPES[c])
        if c == 'x':
            return ('char', chr(self.hex_digits(2, start, 'x')))
        if c == 'u':
            return ('char', chr(self.hex_digits(4, start, 'u')))
        if c == 'U':
            return ('char', chr(self.hex_digits(8, start, 'U')))
        if c in '01234567':
            digits = c
            while len(digits) < 3 and src.peek() is not None and src.peek() in '01234567':
                digits += src.get()
            return ('char', chr(int(digits, 8)))
        if c in _DIGITS:
            raise error('bad escape \\' + c, self.pattern, start)
        if c.isascii() and c.isalnum():
            raise error('bad escape \\' + c, self.pattern, start)
        return ('char', c)

    def hex_digits(self, n, start, letter):
        src = self.src
        digits = ''
        while len(digits) < n and src.peek() is not None and src.peek() in '0123456789abcdefABCDEF':
            digits += src.get()
        if len(digits) != n:
            raise error('incomplete escape \\%s%s' % (letter, digits), self.pattern, start)
        return int(digits, 16)

    def escape(self, start):
        src = self.src
        c = src.peek()
        if c is None:
            raise error('bad escape (end of pattern)', self.pattern, start)
        if c in 'AZbB':
            src.get()
            return ('at', {'A': 'begin', 'Z': 'end', 'b': 'boundary', 'B': 'nonboundary'}[c])
        if c in _DIGITS and c != '0':
            digits = src.get()
            if src.peek() is not None and src.peek() in _DIGITS:
                if c in '01234567' and src.peek() in '01234567' and src.peek(1) is not None and src.peek(1) in '01234567':
                    digits += src.get() + src.get()
                    return ('lit', chr(int(digits, 8)))
                digits += src.get()
            group = int(digits)
            if group >= self.groups:
                raise error('invalid group reference %d' % group, self.pattern, start + 1)
            if group in self.open:
                raise error('cannot refer to an open group', self.pattern, start)
            return ('ref', group)
        if c == '0':
            src.get()
            digits = '0'
            while len(digits) < 3 and src.peek() is not None and src.peek() in '01234567':
                digits += src.get()
            return ('lit', chr(int(digits, 8)))
        kind, value = self.class_escape(start)
        if kind == 'cat':
            return ('set', [('cat', value)], False)
        return ('lit', value)

    def charset(self, start):
        src = self.src
        negate = src.match('^')
        items = []
        first = True
        while True:
            c = src.get()
            if c is None:
                raise error('unterminated character set', self.pattern, start)
            if c == ']' and not first:
                break
            first = False
            here = src.i - 1
            if c == '\\':
                kind, lo = self.class_escape(here)
                if kind == 'cat':
                    items.append(('cat', lo))
                    continue
            else:
                lo = c
            if src.peek() == '-' and src.peek(1) is not None and src.peek(1) != ']':
                src.get()
                c2 = src.get()
                here2 = src.i - 1
                if c2 == '\\':
                    kind, hi = self.class_escape(here2)
                    if kind == 'cat':
                        raise error('bad character range %s-%s' % (lo if c != '\\' else self.pattern[here:here2 - 1], self.pattern[here2:src.i]),
                                    self.pattern, here)
                else:
                    hi = c2
                if ord(hi) < ord(lo):
                    raise error('bad character range %s' % self.pattern[here:src.i], self.pattern, here)
                items.append(('range', lo, hi))
            else:
                items.append(('char', lo))
        return ('set', items, negate)


def _width(node):
    """The fixed width of a node, or None."""
    kind = node[0]
    if kind == 'lit':
        return len(node[1])
    if kind in ('set', 'any'):
        return 1
    if kind in ('at', 'look'):
        return 0
    if kind == 'seq':
        total = 0
        for n in node[1]:
            w = _width(n)
            if w is None:
                return None
            total += w
        return total
    if kind == 'alt':
        ws = set(_width(n) for n in node[1])
        return ws.pop() if len(ws) == 1 else None
    if kind == 'group':
        return _width(node[2])
    if kind == 'flags':
        return _width(node[3])
    if kind == 'rep':
        if node[2] == node[3]:
            w = _width(node[1])
            return None if w is None else w * node[2]
        return None
    return None


# ---------------------------------------------------------------- compiling

class _State:
    __slots__ = ('s', 'end', 'start', 'marks', 'lastindex')

    def __init__(self, s, start, end, ngroups):
        self.s = s
        self.start = start
        self.end = end
        self.marks = [-1] * (2 * ngroups)
        self.lastindex = None


def _is_word(c, ascii):
    if ascii:
        return c == '_' or ('a' <= c <= 'z') or ('A' <= c <= 'Z') or ('0' <= c <= '9')
    return c == '_' or c.isalnum()


def _cat_pred(letter, ascii):
    if letter in 'dD':
        if ascii:
            p = lambda c: '0' <= c <= '9'
        else:
            p = lambda c: c.isdecimal()
    elif letter in 'sS':
        if ascii:
            p = lambda c: c in ' \t\n\r\f\v'
        else:
            p = lambda c: c.isspace()
    else:
        p = lambda c: _is_word(c, ascii)
    if letter.isupper():
        return lambda c: not p(c)
    return p


def _set_pred(items, negate, flags):
    ignore = flags & _I
    ascii = flags & _A
    chars = set()
    tests = []
    for it in items:
        if it[0] == 'char':
            chars.add(it[1])
            if ignore:
                chars.add(it[1].lower())
                chars.add(it[1].upper())
        elif it[0] == 'range':
            lo, hi = it[1], it[2]
            if ignore:
                tests.append(lambda c, lo=lo, hi=hi: lo <= c <= hi or lo <= c.lower() <= hi or lo <= c.upper() <= hi)
            else:
                tests.append(lambda c, lo=lo, hi=hi: lo <= c <= hi)
        else:
            tests.append(_cat_pred(it[1], ascii))
    if not tests:
        if negate:
            return lambda c: c not in chars
        return lambda c: c in chars

    def pred(c):
        if c in chars:
            return not negate
        for t in tests:
            if t(c):
                return not negate
        return negate
    return pred


def _char_pred(node, flags):
    """A predicate for a node that matches exactly one character, else None."""
    kind = node[0]
    if kind == 'lit' and len(node[1]) == 1:
        ch = node[1]
        if flags & _I:
            low = ch.lower()
            return lambda c: c == ch or c.lower() == low
        return lambda c: c == ch
    if kind == 'set':
        return _set_pred(node[1], node[2], flags)
    if kind == 'any':
        if flags & _S:
            return lambda c: True
        return lambda c: c != '\n'
    return None


def _done(st, i, k):
    return k(i)


def _compile(node, flags):
    kind = node[0]
    pred = _char_pred(node, flags)
    if pred is not None:
        def one(st, i, k):
            if i < st.end and pred(st.s[i]):
                return k(i + 1)
            return None
        return one
    if kind == 'lit':
        text = node[1]
        n = len(text)
        if flags & _I:
            low = text.lower()

            def lit_i(st, i, k):
                if i + n <= st.end and st.s[i:i + n].lower() == low:
                    return k(i + n)
                return None
            return lit_i

        def lit(st, i, k):
            if i + n <= st.end and st.s[i:i + n] == text:
                return k(i + n)
            return None
        return lit
    if kind == 'seq':
        ms = [_compile(n, flags) for n in node[1]]
        return _chain(ms)
    if kind == 'alt':
        ms = [_compile(n, flags) for n in node[1]]

        def alt(st, i, k):
            for m in ms:
                r = m(st, i, k)
                if r is not None:
                    return r
            return None
        return alt
    if kind == 'group':
        index = node[1]
        inner = _compile(node[2], flags)
        if index is None:
            return inner
        a, b = 2 * index, 2 * index + 1

        def group(st, i, k):
            def close(j):
                marks = st.marks
                old = (marks[a], marks[b], st.lastindex)
                marks[a] = i
                marks[b] = j
                st.lastindex = index
                r = k(j)
                if r is None:
                    marks[a], marks[b], st.lastindex = old
                return r
            return inner(st, i, close)
        return group
    if kind == 'flags':
        return _compile(node[3], (flags | node[1]) & ~node[2])
    if kind == 'rep':
        return _compile_repeat(node, flags)
    if kind == 'at':
        return _compile_at(node[1], flags)
    if kind == 'ref':
        a, b = 2 * node[1], 2 * node[1] + 1
        ignore = flags & _I

        def ref(st, i, k):
            s0, e0 = st.marks[a], st.marks[b]
            if s0 < 0 or e0 < 0:
                return None
            text = st.s[s0:e0]
            n = len(text)
            if i + n > st.end:
                return None
            here = st.s[i:i + n]
            if here == text or (ignore and here.lower() == text.lower()):
                return k(i + n)
            return None
        return ref
    if kind == 'look':
        inner = _compile(node[3], flags)
        ahead, positive = node[1], node[2]
        if ahead:
            def look(st, i, k):
                found = inner(st, i, lambda j: j) is not None
                if found == positive:
                    return k(i)
                return None
            return look
        width = node[4]

        def behind(st, i, k):
            found = False
            if i - width >= 0:
                saved = st.end
                st.end = i
                found = inner(st, i - width, lambda j: j if j == i else None) is not None
                st.end = saved
            if found == positive:
                return k(i)
            return None
        return behind
    raise error('internal error: %r' % (kind,))


def _chain(ms):
    if not ms:
        return _done
    if len(ms) == 1:
        return ms[0]
    first = ms[0]
    rest = _chain(ms[1:])

    def seq(st, i, k):
        return first(st, i, lambda j: rest(st, j, k))
    return seq


def _compile_repeat(node, flags):
    _, item, mn, mx, greedy = node
    pred = _char_pred(item, flags)
    if pred is not None:
        if greedy:
            def star(st, i, k):
                s = st.s
                limit = st.end if mx is None else min(st.end, i + mx)
                j = i
                while j < limit and pred(s[j]):
                    j += 1
                low = i + mn
                while j >= low:
                    r = k(j)
                    if r is not None:
                        return r
                    j -= 1
                return None
            return star

        def lazy_star(st, i, k):
            s = st.s
            limit = st.end if mx is None else min(st.end, i + mx)
            j = i
            while j < i + mn:
                if j >= st.end or not pred(s[j]):
                    return None
                j += 1
            while True:
                r = k(j)
                if r is not None:
                    return r
                if j >= limit or not pred(s[j]):
                    return None
                j += 1
        return lazy_star
    inner = _compile(item, flags)

    # As sre's MAX_UNTIL / MIN_UNTIL: one more iteration only from a position other
    # than where the previous one started (so `(a*)*` ends on one empty iteration).
    def rep(st, i, k, count, last):
        more = (mx is None or count < mx) and i != last
        if greedy:
            if more:
                r = inner(st, i, lambda j: rep(st, j, k, count + 1, i))
                if r is not None:
                    return r
            if count >= mn:
                return k(i)
            return None
        if count >= mn:
            r = k(i)
            if r is not None:
                return r
        if more:
            return inner(st, i, lambda j: rep(st, j, k, count + 1, i))
        return None

    def repeat(st, i, k):
        return rep(st, i, k, 0, -1)
    return repeat


def _compile_at(what, flags):
    multiline = flags & _M
    ascii = flags & _A
    if what == 'begin':
        return lambda st, i, k: k(i) if i == 0 else None
    if what == 'end':
        return lambda st, i, k: k(i) if i == st.end else None
    if what == 'bol':
        if multiline:
            return lambda st, i, k: k(i) if i == 0 or st.s[i - 1] == '\n' else None
        return lambda st, i, k: k(i) if i == 0 else None
    if what == 'eol':
        if multiline:
            return lambda st, i, k: k(i) if i == st.end or st.s[i] == '\n' else None
        return lambda st, i, k: k(i) if i == st.end or (i == st.end - 1 and st.s[i] == '\n') else None
    if what in ('boundary', 'nonboundary'):
        want = what == 'boundary'

        def boundary(st, i, k):
            s = st.s
            before = i > 0 and _is_word(s[i - 1], ascii)
            after = i < len(s) and _is_word(s[i], ascii)
            if (before != after) == want:
                return k(i)
            return None
        return boundary
    raise error('internal error: %r' % (what,))


# ---------------------------------------------------------------- objects

class Match:
    """The result of a successful match."""

    def __init__(self, pattern, string, pos, endpos, marks, lastindex):
        self.re = pattern
        self.string = string
        self.pos = pos
        self.endpos = endpos
        self._marks = marks
        self.lastindex = lastindex

    @property
    def lastgroup(self):
        if self.lastindex is None:
            return None
        for name, i in self.re.groupindex.items():
            if i == self.lastindex:
                return name
        return None

    @property
    def regs(self):
        return tuple(self.span(i) for i in range(self.re.groups + 1))

    def _index(self, g):
        if isinstance(g, int) and not isinstance(g, bool):
            if 0 <= g <= self.re.groups:
                return g
        elif isinstance(g, str):
            if g in self.re.groupindex:
                return self.re.groupindex[g]
        raise IndexError('no such group')

    def _get(self, i, default=None):
        a, b = self._marks[2 * i], self._marks[2 * i + 1]
        if a < 0 or b < 0:
            return default
        return self.string[a:b]

    def group(self, *groups):
        if not groups:
            return self._get(0)
        if len(groups) == 1:
            return self._get(self._index(groups[0]))
        return tuple(self._get(self._index(g)) for g in groups)

    def __getitem__(self, g):
        return self._get(self._index(g))

    def groups(self, default=None):
        return tuple(self._get(i, default) for i in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        return {name: self._get(i, default) for name, i in self.re.groupindex.items()}

    def start(self, group=0):
        return self._marks[2 * self._index(group)]

    def end(self, group=0):
        return self._marks[2 * self._index(group) + 1]

    def span(self, group=0):
        i = self._index(group)
        return (self._marks[2 * i], self._marks[2 * i + 1])

    def expand(self, template):
        return _expand_template(self.re, template)(self)

    def __bool__(self):
        return True

    def __repr__(self):
        return '<re.Match object; span=%r, match=%r>' % (self.span(), self.group())

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


class Pattern:
    """Compiled regular expression object."""

    def __init__(self, pattern, flags):
        if not isinstance(pattern, str):
            raise TypeError('first argument must be string or compiled pattern')
        self.pattern = pattern
        flags = int(flags)
        parser = _Parser(pattern, flags)
        tree = parser.parse()
        flags = parser.flags
        if flags & _A and flags & _U:
            raise ValueError('ASCII and UNICODE flags are incompatible')
        if not flags & _A:
            flags |= _U
        self.flags = flags
        self.groups = parser.groups - 1
        self.groupindex = dict(parser.groupdict)
        self._code = _compile(tree, flags)
        self._prefix = tree[1] if tree[0] == 'lit' and not flags & _I else None

    def _run(self, string, pos, endpos, mode, must_advance=False):
        if not isinstance(string, str):
            raise TypeError('expected string or bytes-like object, got %r' % type(string).__name__)
        n = len(string)
        if endpos is None or endpos > n:
            endpos = n
        if pos < 0:
            pos = 0
        if pos > n:
            pos = n
        code = self._code
        prefix = self._prefix if mode == 'search' else None
        start = pos
        last = endpos if mode == 'search' else pos
        while start <= last:
            if prefix is not None:
                start = string.find(prefix, start, endpos)
                if start < 0:
                    return None
            st = _State(string, start, endpos, self.groups + 1)
            if mode == 'full':
                end = code(st, start, lambda j: j if j == endpos else None)
            elif must_advance and start == pos:
                end = code(st, start, lambda j: j if j > pos else None)
            else:
                end = code(st, start, lambda j: j)
            if end is not None:
                st.marks[0] = start
                st.marks[1] = end
                return Match(self, string, pos, endpos, st.marks, st.lastindex)
            start += 1
        return None

    def match(self, string, pos=0, endpos=None):
        return self._run(string, pos, endpos, 'match')

    def fullmatch(self, string, pos=0, endpos=None):
        return self._run(string, pos, endpos, 'full')

    def search(self, string, pos=0, endpos=None):
        return self._run(string, pos, endpos, 'search')

    def finditer(self, string, pos=0, endpos=None):
        return _finditer(self, string, pos, endpos)

    def findall(self, string, pos=0, endpos=None):
        out = []
        for m in _finditer(self, string, pos, endpos):
            if self.groups == 0:
                out.append(m.group())
            elif self.groups == 1:
                out.append(m._get(1, ''))
            else:
                out.append(m.groups(''))
        return out

    def split(self, string, maxsplit=0):
        out = []
        last = 0
        n = 0
        for m in _finditer(self, string, 0, None):
            if maxsplit and n >= maxsplit:
                break
            out.append(string[last:m.start()])
            out.extend(m.groups())
            last = m.end()
            n += 1
        out.append(string[last:])
        return out

    def subn(self, repl, string, count=0):
        if callable(repl):
            fn = repl
        else:
            if not isinstance(repl, str):
                raise TypeError('expected str instance, %s found' % type(repl).__name__)
            fn = _expand_template(self, repl)
        out = []
        last = 0
        n = 0
        for m in _finditer(self, string, 0, None):
            if count and n >= count:
                break
            out.append(string[last:m.start()])
            r = fn(m)
            if r is None:
                r = ''
            if not isinstance(r, str):
                raise TypeError('expected str instance, %s found' % type(r).__name__)
            out.append(r)
            last = m.end()
            n += 1
        out.append(string[last:])
        return ''.join(out), n

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]

    def scanner(self, string, pos=0, endpos=None):
        raise NotImplementedError('Pattern.scanner')

    def __repr__(self):
        flags = self.flags
        if not flags & _A:
            flags &= ~_U
        p = repr(self.pattern)
        if len(p) > 200:
            p = p[:200]
        if flags:
            return 're.compile(%s, %r)' % (p, RegexFlag(flags))
        return 're.compile(%s)' % p

    def __eq__(self, other):
        return isinstance(other, Pattern) and self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


def _finditer(pattern, string, pos, endpos):
    must_advance = False
    n = len(string) if endpos is None else min(endpos, len(string))
    while pos <= n:
        m = pattern._run(string, pos, endpos, 'search', must_advance)
        if m is None:
            return
        yield m
        must_advance = m.end() == m.start()
        pos = m.end()


def _expand_template(pattern, template):
    """A function Match -> str for a replacement template (\\1, \\g<name>, \\n)."""
    parts = []   # str or group index
    i = 0
    n = len(template)
    lit = ''
    while i < n:
        c = template[i]
        if c != '\\':
            lit += c
            i += 1
            continue
        i += 1
        if i >= n:
            raise error('bad escape (end of pattern)', template, i - 1)
        c = template[i]
        start = i - 1
        if c == 'g':
            i += 1
            if i >= n or template[i] != '<':
                raise error('missing <', template, i)
            j = template.find('>', i + 1)
            if j < 0:
                raise error('missing >, unterminated name', template, i + 1)
            name = template[i + 1:j]
            if not name:
                raise error('missing group name', template, i + 1)
            if name.isdigit():
                index = int(name)
                if index > pattern.groups:
                    raise error('invalid group reference %d' % index, template, i + 1)
            elif name.isidentifier():
                if name not in pattern.groupindex:
                    raise IndexError('unknown group name %r' % name)
                index = pattern.groupindex[name]
            else:
                raise error('bad character in group name %r' % name, template, i + 1)
            parts.append(lit)
            lit = ''
            parts.append(index)
            i = j + 1
        elif c == '0':
            digits = ''
            i += 1
            while i < n and len(digits) < 2 and template[i] in '01234567':
                digits += template[i]
                i += 1
            lit += chr(int(digits or '0', 8))
        elif c in _DIGITS:
            digits = c
            i += 1
            if i < n and template[i] in _DIGITS:
                if c in '01234567' and template[i] in '01234567' and i + 1 < n and template[i + 1] in '01234567':
                    lit += chr(int(c + template[i:i + 2], 8))
                    i += 2
                    continue
                digits += template[i]
                i += 1
            index = int(digits)
            if index > pattern.groups:
                raise error('invalid group reference %d' % index, template, start + 1)
            parts.append(lit)
            lit = ''
            parts.append(index)
        elif c in _ESCAPES and c != 'b':
            lit += _ESCAPES[c]
            i += 1
        elif c.isascii() and c.isalpha():
            raise error('bad escape \\' + c, template, start)
        else:
            lit += '\\' + c
            i += 1
    parts.append(lit)

    def expand(m):
        out = []
        for p in parts:
            if isinstance(p, str):
                out.append(p)
            else:
                out.append(m._get(p, ''))
        return ''.join(out)
    return expand


_cache = {}


def _compile_cached(pattern, flags):
    if isinstance(flags, RegexFlag):
        flags = flags.value
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError('cannot process flags argument with a compiled pattern')
        return pattern
    key = (type(pattern), pattern, flags)
    p = _cache.get(key)
    if p is None:
        p = Pattern(pattern, flags)
        if len(_cache) >= 512:
            _cache.clear()
        _cache[key] = p
    return p


def compile(pattern, flags=0):
    """Compile a regular expression pattern, returning a Pattern object."""
    return _compile_cached(pattern, flags)


def match(pattern, string, flags=0):
    """Try to apply the pattern at the start of the string."""
    return _compile_cached(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    """Try to apply the pattern to all of the string."""
    return _compile_cached(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    """Scan through string looking for a match to the pattern."""
    return _compile_cached(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    """Return the string obtained by replacing the leftmost non-overlapping
    occurrences of the pattern in string by the replacement repl."""
    return _compile_cached(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    """Return a 2-tuple containing (new_string, number)."""
    return _compile_cached(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    """Split the source string by the occurrences of the pattern."""
    return _compile_cached(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    """Return a list of all non-overlapping matches in the string."""
    return _compile_cached(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    """Return an iterator over all non-overlapping matches in the string."""
    return _compile_cached(pattern, flags).finditer(string)


def purge():
    """Clear the regular expression cache."""
    _cache.clear()


def template(pattern, flags=0):
    return _compile_cached(pattern, flags | 1)


_special_chars_map = {c: '\\' + c for c in '()[]{}?*+-|^$\\.&~# \t\n\r\v\f'}


def escape(pattern):
    """Escape special characters in a string."""
    if isinstance(pattern, str):
        return ''.join(_special_chars_map.get(c, c) for c in pattern)
    raise TypeError('escape() argument must be str')
