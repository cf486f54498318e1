# string, as CPython 3.11 behaves, over Boucle's interpreter.

__all__ = ['ascii_letters', 'ascii_lowercase', 'ascii_uppercase', 'capwords', 'digits',
           'hexdigits', 'octdigits', 'printable', 'punctuation', 'whitespace', 'Template']

whitespace = ' \t\n\r\x0b\x0c'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    return (sep or ' ').join(x.capitalize() for x in s.split(sep))


_IDSTART = ascii_letters + '_'
_IDCHARS = _IDSTART + digits


class Template:
    delimiter = '$'

    def __init__(self, template):
        self.template = template

    def _parts(self, mapping, safe):
        t = self.template
        d = self.delimiter
        out = []
        i = 0
        n = len(t)
        while i < n:
            j = t.find(d, i)
            if j < 0:
                out.append(t[i:])
                break
            out.append(t[i:j])
            k = j + len(d)
            if t[k:k + len(d)] == d:
                out.append(d)
                i = k + len(d)
                continue
            braced = t[k:k + 1] == '{'
            start = k + 1 if braced else k
            e = start
            if e < n and t[e] in _IDSTART:
                e += 1
                while e < n and t[e] in _IDCHARS:
                    e += 1
            name = t[start:e]
            if not name or (braced and t[e:e + 1] != '}'):
                if safe:
                    out.append(d)
                    i = k
                    continue
                lines = t[:j].split('\n')
                raise ValueError(f'Invalid placeholder in string: line {len(lines)}, '
                                 f'col {len(lines[-1]) + 1}')
            end = e + 1 if braced else e
            if name in mapping:
                out.append(str(mapping[name]))
            elif safe:
                out.append(t[j:end])
            else:
                raise KeyError(name)
            i = end
        return ''.join(out)

    def substitute(self, mapping=None, /, **kws):
        m = dict(mapping or {})
        m.update(kws)
        return self._parts(m, False)

    def safe_substitute(self, mapping=None, /, **kws):
        m = dict(mapping or {})
        m.update(kws)
        return self._parts(m, True)

    def get_identifiers(self):
        ids = []
        t = self.template
        i = 0
        while True:
            j = t.find(self.delimiter, i)
            if j < 0:
                return ids
            k = j + len(self.delimiter)
            start = k + 1 if t[k:k + 1] == '{' else k
            e = start
            while e < len(t) and t[e] in _IDCHARS:
                e += 1
            if e > start and t[start] in _IDSTART and t[start:e] not in ids:
                ids.append(t[start:e])
            i = max(e, k)
