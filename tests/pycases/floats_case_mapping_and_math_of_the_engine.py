# Decimal literals, float(), int-to-float, case mapping and math: on wasm these go
# through the JS engine (crate/src/python/engine.rs), natively through Rust.
import math

print(0.1, 1e22, 2.5e-300, 1e400, 5e-324, 1.7976931348623157e308)
print(123456789012345678901234567890.0, 0.30000000000000004, 9007199254740993.0)
print(1.00000000000000011102230246251565404236316680908203125)
print(float("  1_000.25 "), float("-.5e-3"), float("5."), float("1e400"), float("-inf"))
for bad in ["1e", ".", "1.2.3", "0x10", "1 2", "infinit"]:
    try:
        float(bad)
    except ValueError as e:
        print(e)
print(float(10**30 + 1), float(2**53 + 1), float(-(10**300)), 10**20 / 3)
print(round(2.675, 2), round(0.125, 2), round(1234.5678, 1))
print(math.log(8, 2), math.log(100, 10))
print("Straße".upper(), "ΟΔΟΣ ΟΔΟΣ".lower(), "ß İ".swapcase(), "ÉCOLE".lower())
print("éte ÉCOLE".title(), "élan VITAL".capitalize(), "ﬁ".upper(), "Hello World".swapcase())
for x in [0.5, 1.0, 2.0, 3.0, 100.0, -0.75, 1e-8]:
    print(x, math.sin(x), math.cos(x), math.tan(x), math.atan(x), math.exp(x))
    print(math.sinh(x), math.cosh(x), math.tanh(x), math.atan2(x, 3.0))
for x in [0.5, 1.0, 2.0, 10.0, 1e-300, 12345.678]:
    print(x, math.log(x), math.log2(x), math.log10(x), math.sqrt(x))
print(math.asin(0.5), math.acos(0.5), math.pow(2.0, 0.5), 2 ** 0.5, 10 ** -2, 1.5 ** 3.5)
print((-8) ** 2.0, 2 ** -1074, 10.0 ** 308, 7 ** 0.3)
