import math
from math import sqrt, pi
print(math.sqrt(16), sqrt(2), pi, math.e, math.floor(2.7), math.ceil(2.1), math.floor(-2.5), math.trunc(-2.7))
print(math.pow(2, 10), math.exp(1), math.log(math.e), math.log(100, 10), math.log2(8), math.log10(1000))
print(math.sin(0), math.cos(0), round(math.sin(math.pi / 2), 10), math.atan2(1, 1), math.hypot(3, 4))
print(math.factorial(20), math.factorial(25), math.gcd(12, 18), math.isclose(0.1 + 0.2, 0.3), math.fabs(-3))
print(math.inf, -math.inf, math.isnan(math.nan), math.isinf(math.inf), math.degrees(math.pi), math.radians(180))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
print(math.comb(5, 2), math.fsum([0.1] * 10), math.copysign(3, -1), math.fmod(7, 3))
