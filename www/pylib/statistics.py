"""Basic statistics module."""
# statistics, as CPython 3.11 behaves: CPython's algorithms (Lib/statistics.py, PSF
# licence), exact sums of fractions included, so the results are CPython's to the last
# digit. Without the fractions and decimal modules: ints and floats only, and the
# fractions are a small private class here.

__all__ = ['StatisticsError', 'fmean', 'geometric_mean', 'harmonic_mean', 'mean',
           'median', 'median_grouped', 'median_high', 'median_low', 'mode', 'multimode',
           'pstdev', 'pvariance', 'quantiles', 'stdev', 'variance', 'covariance',
           'correlation', 'linear_regression']

import math
from math import fsum, exp, log, sqrt


class StatisticsError(ValueError):
    pass


def _gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)


class _Frac:
    """An exact fraction n/d (d > 0), reduced: what CPython's statistics does with
    fractions.Fraction."""

    def __init__(self, n, d=1):
        if d < 0:
            n, d = -n, -d
        g = _gcd(n, d) or 1
        self.numerator = n // g
        self.denominator = d // g

    @staticmethod
    def of(x):
        if isinstance(x, _Frac):
            return x
        return _Frac(x, 1)

    def __add__(self, o):
        o = _Frac.of(o)
        return _Frac(self.numerator * o.denominator + o.numerator * self.denominator,
                     self.denominator * o.denominator)

    __radd__ = __add__

    def __sub__(self, o):
        o = _Frac.of(o)
        return _Frac(self.numerator * o.denominator - o.numerator * self.denominator,
                     self.denominator * o.denominator)

    def __rsub__(self, o):
        return _Frac.of(o) - self

    def __mul__(self, o):
        o = _Frac.of(o)
        return _Frac(self.numerator * o.numerator, self.denominator * o.denominator)

    __rmul__ = __mul__

    def __truediv__(self, o):
        o = _Frac.of(o)
        if o.numerator == 0:
            raise ZeroDivisionError('Fraction(%s, 0)' % self.numerator)
        return _Frac(self.numerator * o.denominator, self.denominator * o.numerator)

    def __rtruediv__(self, o):
        return _Frac.of(o) / self

    def __lt__(self, o):
        o = _Frac.of(o)
        return self.numerator * o.denominator < o.numerator * self.denominator

    def __le__(self, o):
        o = _Frac.of(o)
        return self.numerator * o.denominator <= o.numerator * self.denominator

    def __gt__(self, o):
        return not self <= o

    def __ge__(self, o):
        return not self < o

    def __eq__(self, o):
        o = _Frac.of(o)
        return self.numerator == o.numerator and self.denominator == o.denominator

    def __float__(self):
        return _div(self.numerator, self.denominator)

    def __repr__(self):
        return 'Fraction(%d, %d)' % (self.numerator, self.denominator)


def _div(n, d):
    """n / d for ints, correctly rounded as CPython's int division is (the
    interpreter's is not for big ints): a 55-bit quotient rounded to odd, then
    to the float's 53 bits."""
    if -2 ** 53 <= n <= 2 ** 53 and d <= 2 ** 53:
        return n / d
    neg = n < 0
    n = -n if neg else n
    k = 55 - (n.bit_length() - d.bit_length())
    if k > 0:
        q, r = divmod(n << k, d)
    else:
        q, r = divmod(n, d << -k)
    if r:
        q |= 1
    x = math.ldexp(float(q), -k)
    return -x if neg else x


def _isfinite(x):
    return math.isfinite(x)


def _coerce(T, S):
    if T is S:
        return T
    if S is int or S is bool:
        return T
    if T is int:
        return S
    if issubclass(S, T):
        return S
    if issubclass(T, S):
        return T
    if issubclass(T, int):
        return S
    if issubclass(S, int):
        return T
    msg = "don't know how to coerce %s and %s"
    raise TypeError(msg % (T.__name__, S.__name__))


def _exact_ratio(x):
    if isinstance(x, (int, bool)):
        return (int(x), 1)
    if isinstance(x, float):
        if not math.isfinite(x):
            return (x, None)
        return x.as_integer_ratio()
    if isinstance(x, _Frac):
        return (x.numerator, x.denominator)
    msg = f"can't convert type '{type(x).__name__}' to numerator/denominator"
    raise TypeError(msg)


def _types(data, types, out):
    # CPython groups the data by type (itertools.groupby): the same set of types
    for x in data:
        types.add(type(x))
        out.append(x)
    return out


def _reduce_coerce(types):
    T = int
    for S in types:
        T = _coerce(T, S)
    return T


def _sum(data):
    count = 0
    types = set()
    partials = {}
    for x in _types(data, types, []):
        n, d = _exact_ratio(x)
        count += 1
        partials[d] = partials.get(d, 0) + n
    if None in partials:
        total = partials[None]
    else:
        total = _Frac(0)
        for d, n in partials.items():
            total = total + _Frac(n, d)
    T = _reduce_coerce(types)
    return (T, total, count)


def _ss(data, c=None):
    if c is not None:
        T, ssd, count = _sum((x - c) * (x - c) for x in data)
        return (T, ssd, c, count)
    count = 0
    types = set()
    sx_partials = {}
    sxx_partials = {}
    for x in _types(data, types, []):
        n, d = _exact_ratio(x)
        count += 1
        sx_partials[d] = sx_partials.get(d, 0) + n
        sxx_partials[d] = sxx_partials.get(d, 0) + n * n
    if not count:
        ssd = c = _Frac(0)
    elif None in sx_partials:
        ssd = c = sx_partials[None]
    else:
        sx = _Frac(0)
        for d, n in sx_partials.items():
            sx = sx + _Frac(n, d)
        sxx = _Frac(0)
        for d, n in sxx_partials.items():
            sxx = sxx + _Frac(n, d * d)
        ssd = (count * sxx - sx * sx) / count
        c = sx / count
    T = _reduce_coerce(types)
    return (T, ssd, c, count)


def _convert(value, T):
    if type(value) is T:
        return value
    if not isinstance(value, _Frac):
        return T(value)
    if issubclass(T, int) and value.denominator != 1:
        T = float
    if T is float:
        return _div(value.numerator, value.denominator)
    return T(value.numerator)


def _fail_neg(values, errmsg='negative value'):
    for x in values:
        if x < 0:
            raise StatisticsError(errmsg)
        yield x


def _integer_sqrt_of_frac_rto(n, m):
    a = math.isqrt(n // m)
    return a | (a * a * m != n)


_sqrt_bit_width = 2 * 53 + 3


def _float_sqrt_of_frac(n, m):
    q = (n.bit_length() - m.bit_length() - _sqrt_bit_width) // 2
    if q >= 0:
        numerator = _integer_sqrt_of_frac_rto(n, m << 2 * q) << q
        denominator = 1
    else:
        numerator = _integer_sqrt_of_frac_rto(n << -2 * q, m)
        denominator = 1 << -q
    return _div(numerator, denominator)


def _sqrt_of(mss):
    if not isinstance(mss, _Frac):
        return math.sqrt(mss)
    return _float_sqrt_of_frac(mss.numerator, mss.denominator)


def mean(data):
    """Return the sample arithmetic mean of data."""
    T, total, n = _sum(data)
    if n < 1:
        raise StatisticsError('mean requires at least one data point')
    return _convert(total / n, T)


def fmean(data, weights=None):
    """Convert data to floats and compute the arithmetic mean."""
    data = list(data)
    n = len(data)
    if weights is None:
        total = fsum(data)
        if not n:
            raise StatisticsError('fmean requires at least one data point')
        return total / n
    weights = list(weights)
    num = fsum([x * w for x, w in zip(data, weights)])
    if n != len(weights):
        raise StatisticsError('data and weights must be the same length')
    den = fsum(weights)
    if not den:
        raise StatisticsError('sum of weights must be non-zero')
    return num / den


def geometric_mean(data):
    """Convert data to floats and compute the geometric mean."""
    try:
        return exp(fmean(map(log, data)))
    except ValueError:
        raise StatisticsError('geometric mean requires a non-empty dataset '
                              'containing positive numbers') from None


def harmonic_mean(data, weights=None):
    """Return the harmonic mean of data."""
    if iter(data) is data:
        data = list(data)
    errmsg = 'harmonic mean does not support negative values'
    n = len(data)
    if n < 1:
        raise StatisticsError('harmonic_mean requires at least one data point')
    elif n == 1 and weights is None:
        x = data[0]
        if isinstance(x, (int, float)):
            if x < 0:
                raise StatisticsError(errmsg)
            return x
        else:
            raise TypeError('unsupported type')
    if weights is None:
        weights = [1] * n
        sum_weights = n
    else:
        if iter(weights) is weights:
            weights = list(weights)
        if len(weights) != n:
            raise StatisticsError('Number of weights does not match data size')
        _, sum_weights, _ = _sum(w for w in _fail_neg(weights, errmsg))
    try:
        data = _fail_neg(data, errmsg)
        T, total, count = _sum(w / x if w else 0 for w, x in zip(weights, data))
    except ZeroDivisionError:
        return 0
    if total <= 0:
        raise StatisticsError('Weighted sum must be positive')
    return _convert(_Frac.of(sum_weights) / total, T)


def median(data):
    """Return the median (middle value) of numeric data."""
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    else:
        i = n // 2
        return (data[i - 1] + data[i]) / 2


def median_low(data):
    """Return the low median of numeric data."""
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    else:
        return data[n // 2 - 1]


def median_high(data):
    """Return the high median of data."""
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    return data[n // 2]


def _bisect_left(a, x):
    lo, hi = 0, len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _bisect_right(a, x):
    lo, hi = 0, len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if x < a[mid]:
            hi = mid
        else:
            lo = mid + 1
    return lo


def median_grouped(data, interval=1.0):
    """Estimates the median for numeric data binned around the midpoints."""
    data = sorted(data)
    n = len(data)
    if not n:
        raise StatisticsError("no median for empty data")
    x = data[n // 2]
    i = _bisect_left(data, x)
    j = _bisect_right(data, x, )
    try:
        interval = float(interval)
        x = float(x)
    except ValueError:
        raise TypeError('Value cannot be converted to a float')
    L = x - interval / 2.0
    cf = i
    f = j - i
    return L + interval * (n / 2 - cf) / f


def _counts(data):
    counts = {}
    for x in data:
        counts[x] = counts.get(x, 0) + 1
    return counts


def mode(data):
    """Return the most common data point from discrete or nominal data."""
    counts = _counts(iter(data))
    best = None
    for value, count in counts.items():
        if best is None or count > best[1]:
            best = (value, count)
    if best is None:
        raise StatisticsError('no mode for empty data')
    return best[0]


def multimode(data):
    """Return a list of the most frequently occurring values."""
    counts = _counts(iter(data))
    if not counts:
        return []
    maxcount = max(counts.values())
    return [value for value, count in counts.items() if count == maxcount]


def quantiles(data, *, n=4, method='exclusive'):
    """Divide *data* into *n* continuous intervals with equal probability."""
    if n < 1:
        raise StatisticsError('n must be at least 1')
    data = sorted(data)
    ld = len(data)
    if ld < 2:
        raise StatisticsError('must have at least two data points')
    if method == 'inclusive':
        m = ld - 1
        result = []
        for i in range(1, n):
            j, delta = divmod(i * m, n)
            interpolated = (data[j] * (n - delta) + data[j + 1] * delta) / n
            result.append(interpolated)
        return result
    if method == 'exclusive':
        m = ld + 1
        result = []
        for i in range(1, n):
            j = i * m // n
            j = 1 if j < 1 else ld - 1 if j > ld - 1 else j
            delta = i * m - j * n
            interpolated = (data[j - 1] * (n - delta) + data[j] * delta) / n
            result.append(interpolated)
        return result
    raise ValueError(f'Unknown method: {method!r}')


def variance(data, xbar=None):
    """Return the sample variance of data."""
    T, ss, c, n = _ss(data, xbar)
    if n < 2:
        raise StatisticsError('variance requires at least two data points')
    return _convert(ss / (n - 1), T)


def pvariance(data, mu=None):
    """Return the population variance of ``data``."""
    T, ss, c, n = _ss(data, mu)
    if n < 1:
        raise StatisticsError('pvariance requires at least one data point')
    return _convert(ss / n, T)


def stdev(data, xbar=None):
    """Return the square root of the sample variance."""
    T, ss, c, n = _ss(data, xbar)
    if n < 2:
        raise StatisticsError('stdev requires at least two data points')
    return _sqrt_of(ss / (n - 1))


def pstdev(data, mu=None):
    """Return the square root of the population variance."""
    T, ss, c, n = _ss(data, mu)
    if n < 1:
        raise StatisticsError('pstdev requires at least one data point')
    return _sqrt_of(ss / n)


def covariance(x, y, /):
    """Covariance"""
    n = len(x)
    if len(y) != n:
        raise StatisticsError('covariance requires that both inputs have same number of data points')
    if n < 2:
        raise StatisticsError('covariance requires at least two data points')
    xbar = fsum(x) / n
    ybar = fsum(y) / n
    sxy = fsum([(xi - xbar) * (yi - ybar) for xi, yi in zip(x, y)])
    return sxy / (n - 1)


def correlation(x, y, /):
    """Pearson's correlation coefficient"""
    n = len(x)
    if len(y) != n:
        raise StatisticsError('correlation requires that both inputs have same number of data points')
    if n < 2:
        raise StatisticsError('correlation requires at least two data points')
    xbar = fsum(x) / n
    ybar = fsum(y) / n
    sxy = fsum([(xi - xbar) * (yi - ybar) for xi, yi in zip(x, y)])
    sxx = fsum([(d := xi - xbar) * d for xi in x])
    syy = fsum([(d := yi - ybar) * d for yi in y])
    try:
        return sxy / sqrt(sxx * syy)
    except ZeroDivisionError:
        raise StatisticsError('at least one of the inputs is constant')


class LinearRegression:
    def __init__(self, slope, intercept):
        self.slope = slope
        self.intercept = intercept

    def __iter__(self):
        return iter((self.slope, self.intercept))

    def __getitem__(self, i):
        return (self.slope, self.intercept)[i]

    def __repr__(self):
        return 'LinearRegression(slope=%r, intercept=%r)' % (self.slope, self.intercept)


def linear_regression(x, y, /, *, proportional=False):
    """Slope and intercept for simple linear regression."""
    n = len(x)
    if len(y) != n:
        raise StatisticsError('linear regression requires that both inputs have same number of data points')
    if n < 2:
        raise StatisticsError('linear regression requires at least two data points')
    if proportional:
        sxy = fsum([xi * yi for xi, yi in zip(x, y)])
        sxx = fsum([xi * xi for xi in x])
    else:
        xbar = fsum(x) / n
        ybar = fsum(y) / n
        sxy = fsum([(xi - xbar) * (yi - ybar) for xi, yi in zip(x, y)])
        sxx = fsum([(d := xi - xbar) * d for xi in x])
    try:
        slope = sxy / sxx
    except ZeroDivisionError:
        raise StatisticsError('x is constant')
    intercept = 0.0 if proportional else ybar - slope * xbar
    return LinearRegression(slope=slope, intercept=intercept)
