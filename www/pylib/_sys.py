# The part of CPython 3.11's sys module written in Python (the rest is native, in
# crate/src/python/lib/modules.rs): `import sys` runs this file when the page fetched
# it (the native build embeds it) and copies its public names into sys.


class _VersionInfo:
    """sys.version_info: a tuple with named fields (a struct sequence in CPython)."""

    def __init__(self, *fields):
        self._t = fields

    major = property(lambda self: self._t[0])
    minor = property(lambda self: self._t[1])
    micro = property(lambda self: self._t[2])
    releaselevel = property(lambda self: self._t[3])
    serial = property(lambda self: self._t[4])

    def __getitem__(self, i):
        return self._t[i]

    def __iter__(self):
        return iter(self._t)

    def __len__(self):
        return 5

    def __hash__(self):
        return hash(self._t)

    def __eq__(self, other):
        return self._t == (other._t if isinstance(other, _VersionInfo) else other)

    def __ne__(self, other):
        return not self == other

    def __lt__(self, other):
        return self._t < (other._t if isinstance(other, _VersionInfo) else other)

    def __le__(self, other):
        return self._t <= (other._t if isinstance(other, _VersionInfo) else other)

    def __gt__(self, other):
        return self._t > (other._t if isinstance(other, _VersionInfo) else other)

    def __ge__(self, other):
        return self._t >= (other._t if isinstance(other, _VersionInfo) else other)

    def __repr__(self):
        return ('sys.version_info(major=%r, minor=%r, micro=%r, releaselevel=%r, serial=%r)'
                % self._t)


version_info = _VersionInfo(3, 11, 7, 'final', 0)
