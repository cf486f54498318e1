# The part of CPython 3.11's math module written in Python (the rest is native, in
# crate/src/python/modules.rs): `import math` runs this file when the page fetched it
# (the native build embeds it) and copies its public names into math.

import math

_inf = float('inf')


def _int(n, fname):
    if isinstance(n, bool):
        return int(n)
    if not isinstance(n, int):
        raise TypeError(f"'{type(n).__name__}' object cannot be interpreted as an integer")
    return n


def isqrt(n):
    n = _int(n, 'isqrt')
    if n < 0:
        raise ValueError('isqrt() argument must be nonnegative')
    if n == 0:
        return 0
    x = 1 << ((n.bit_length() + 1) // 2)
    while True:
        y = (x + n // x) // 2
        if y >= x:
            return x
        x = y


def perm(n, k=None):
    n = _int(n, 'perm')
    if k is None:
        if n < 0:
            raise ValueError('n must be a non-negative integer')
        return math.factorial(n)
    k = _int(k, 'perm')
    if n < 0:
        raise ValueError('n must be a non-negative integer')
    if k < 0:
        raise ValueError('k must be a non-negative integer')
    if k > n:
        return 0
    r = 1
    for i in range(n - k + 1, n + 1):
        r *= i
    return r


def dist(p, q):
    p, q = tuple(p), tuple(q)
    if len(p) != len(q):
        raise ValueError('both points must have the same number of dimensions')
    return math.hypot(*[a - b for a, b in zip(p, q)])


def frexp(x):
    x = float(x)
    if x == 0 or x != x or x in (_inf, -_inf):
        return (x, 0)
    m, e = abs(x), 0
    while m >= 1.0:
        m /= 2.0
        e += 1
    while m < 0.5:
        m *= 2.0
        e -= 1
    return (m if x > 0 else -m, e)


def ldexp(x, i):
    i = _int(i, 'ldexp')
    x = float(x)
    if x == 0 or x != x or x in (_inf, -_inf):
        return x
    if i > 2100:
        raise OverflowError('math range error')
    while i > 0:
        step = min(i, 1000)
        x *= 2.0 ** step
        i -= step
    while i < 0:
        step = max(i, -1000)
        # in two halves, to round once at the end where it can
        x *= 2.0 ** step
        i -= step
    if x in (_inf, -_inf):
        raise OverflowError('math range error')
    return x


def modf(x):
    x = float(x)
    if x in (_inf, -_inf):
        return (math.copysign(0.0, x), x)
    if x != x:
        return (x, x)
    i = float(math.trunc(x))
    return (math.copysign(x - i, x), math.copysign(i, x))


def remainder(x, y):
    x, y = float(x), float(y)
    if x != x or y != y:
        return x + y
    if x in (_inf, -_inf) or y == 0:
        raise ValueError('math domain error')
    if y in (_inf, -_inf):
        return x
    absx, absy = abs(x), abs(y)
    m = math.fmod(absx, absy)
    c = absy - m
    if m < c:
        r = m
    elif m > c:
        r = -c
    else:
        r = m - 2.0 * math.fmod(0.5 * (absx - m), absy)
    return math.copysign(1.0, x) * r


def ulp(x):
    x = abs(float(x))
    if x != x or x == _inf:
        return x
    if x == 0:
        return 5e-324
    m, e = frexp(x)
    if e - 53 < -1074:
        return 5e-324
    return ldexp(1.0, e - 53)


def nextafter(x, y):
    x, y = float(x), float(y)
    if x != x or y != y:
        return x + y
    if x == y:
        return y
    if x == 0:
        return math.copysign(5e-324, y)
    up = (y > x) == (x > 0)
    m, e = frexp(abs(x))
    step = ldexp(1.0, max(e - 53, -1074))
    if not up and m == 0.5:
        step = ldexp(1.0, max(e - 54, -1074))
    r = abs(x) + step if up else abs(x) - step
    return math.copysign(r, x)


def cbrt(x):
    x = float(x)
    if x == 0 or x != x or x in (_inf, -_inf):
        return x
    return math.copysign(abs(x) ** (1.0 / 3.0), x)


def exp2(x):
    return 2.0 ** float(x)


def expm1(x):
    x = float(x)
    if abs(x) < 1e-5:
        return x + x * x / 2.0 + x * x * x / 6.0
    return math.exp(x) - 1.0


def log1p(x):
    x = float(x)
    if x <= -1.0:
        raise ValueError('math domain error')
    u = 1.0 + x
    if u == 1.0:
        return x
    return math.log(u) * x / (u - 1.0)


def acosh(x):
    x = float(x)
    if x < 1.0:
        raise ValueError('math domain error')
    return math.log(x + math.sqrt(x * x - 1.0))


def asinh(x):
    x = float(x)
    if x == 0 or x in (_inf, -_inf):
        return x
    a = abs(x)
    return math.copysign(math.log(a + math.sqrt(a * a + 1.0)), x)


def atanh(x):
    x = float(x)
    if abs(x) >= 1.0:
        raise ValueError('math domain error')
    return 0.5 * log1p(2.0 * x / (1.0 - x))


def erf(x):
    x = float(x)
    if x == 0 or x != x:
        return x
    if abs(x) < 1.5:
        # series: 2/sqrt(pi) * sum (-1)^n x^(2n+1) / (n! (2n+1))
        total, term, n = 0.0, x, 0
        while True:
            add = term / (2 * n + 1)
            total += add
            if abs(add) <= 1e-17 * abs(total):
                break
            n += 1
            term = -term * x * x / n
        return 2.0 / math.sqrt(math.pi) * total
    return 1.0 - erfc(x)


def erfc(x):
    x = float(x)
    if abs(x) < 1.5:
        return 1.0 - erf(x)
    # continued fraction (Lentz) for x > 0
    a = abs(x)
    f = a
    c = a
    d = 0.0
    for n in range(1, 200):
        an = n / 2.0
        d = a + an * d
        d = 1.0 / d
        c = a + an / c
        delta = c * d
        f *= delta
        if abs(delta - 1.0) < 1e-16:
            break
    r = math.exp(-a * a) / math.sqrt(math.pi) / f
    return r if x > 0 else 2.0 - r


def gamma(x):
    x = float(x)
    if x == int(x) and x <= 0:
        raise ValueError('math domain error')
    if x == int(x) and x < 171:
        return float(math.factorial(int(x) - 1))
    if x < 0.5:
        return math.pi / (math.sin(math.pi * x) * gamma(1.0 - x))
    return math.exp(lgamma(x))


_LANCZOS = (0.99999999999980993, 676.5203681218851, -1259.1392167224028,
            771.32342877765313, -176.61502916214059, 12.507343278686905,
            -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7)


def lgamma(x):
    x = float(x)
    if x == int(x) and x <= 0:
        raise ValueError('math domain error')
    if x == 1.0 or x == 2.0:
        return 0.0
    if x < 0.5:
        return math.log(math.pi / abs(math.sin(math.pi * x))) - lgamma(1.0 - x)
    x -= 1.0
    a = _LANCZOS[0]
    t = x + 7.5
    for i in range(1, 9):
        a += _LANCZOS[i] / (x + i)
    return 0.5 * math.log(2 * math.pi) + (x + 0.5) * math.log(t) - t + math.log(a)
