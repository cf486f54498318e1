import math
print(math.sqrt(16), math.sqrt(2), math.pi, math.e)
print(math.floor(2.7), math.floor(-2.7), math.ceil(2.1), math.ceil(-2.1))
print(type(math.floor(2.5)).__name__, math.trunc(-3.9))
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(2 ** 40, 6 ** 20))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1.0, 1.1), math.isclose(1.0, 1.05, rel_tol=0.1))
print(math.factorial(10), math.pow(2, 10), math.fabs(-4))
print(math.inf, -math.inf, math.isnan(math.nan), math.isinf(math.inf))
print(round(math.sin(math.pi / 2), 6), round(math.cos(0), 6), math.log10(1000), math.log(math.e))
print(math.hypot(3, 4), math.lcm(4, 6))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError", e)
