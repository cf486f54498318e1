import math

print(math.isqrt(0), math.isqrt(15), math.isqrt(16), math.isqrt(10**30 + 7))
print(math.perm(5), math.perm(5, 2), math.perm(3, 5), math.comb(10, 3))
print(math.dist((0, 0), (3, 4)), math.dist([1, 2, 3], [4, 6, 3]))
print(math.frexp(8.0), math.frexp(0.15625), math.frexp(-3), math.frexp(0.0))
print(math.ldexp(0.5, 4), math.ldexp(3, -2), math.modf(3.75), math.modf(-2.5))
print(math.remainder(10, 3), math.remainder(11, 4), math.remainder(-7, 2), math.remainder(5.5, 2))
print(math.ulp(1.0), math.ulp(1000.0), math.nextafter(1.0, 2.0), math.nextafter(1.0, 0.0), math.nextafter(0.0, 1.0))
print(math.cbrt(-8), math.exp2(10), math.exp2(0.5))
print(math.expm1(1e-10), math.log1p(1e-10), math.expm1(1.0), math.log1p(1.0))
print(math.acosh(1), math.acosh(2))
# the special functions, to 12 digits (the last one may differ from the C library's)
for f in (math.erf, math.erfc, math.asinh, math.atanh, math.gamma, math.lgamma):
    print(f.__name__, [round(f(x), 12) for x in (0.25, 0.5)])
print(math.gamma(5), math.lgamma(1), math.erf(0))
for f, a in [(math.isqrt, (-1,)), (math.perm, (-1, 2)), (math.perm, (3, -1)), (math.isqrt, (2.5,)),
             (math.acosh, (0,)), (math.gamma, (0,)), (math.dist, ((1,), (1, 2))), (math.log1p, (-1,))]:
    try:
        f(*a)
    except (ValueError, TypeError) as e:
        print(f.__name__, type(e).__name__, e)
from math import isqrt, perm
print(isqrt(99), perm(4, 4))
