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
# Shortest repr with two equally close candidates (exact value ...40625): the even one.
print(2624774900822.4062, 965147750395167.2, 1883963248775480.2, 734404939800848.2)
print([1 / 3, 2 / 3, 1e16, 1e-5, 123e-20, 0.1 + 0.2, 5e-324, -1.5e300, 1e15 + 0.3])
# Exact formatting, rounded half to even on the exact binary value.
print("%.0f %.0f %.0f %.1f %.2f %.0f" % (0.5, 1.5, 2.5, 0.25, 1.125, -0.5))
print("%.0e %.0e %.1e %e %.3e %E" % (25, 35, 0.125, 5e-324, 1e308, 123456.789))
print(f"{2.675:.2f} {1e22:.2f} {1/3:.30f} {0.1:.60f} {1e-7:.10%} {12345.678:,.1f}")
print(f"{0.0001234:g} {123456789.0:g} {1e-5:.3g} {9.9995:.4g} {0.5:.0g} {2.5:.1g} {1.0:#.3g}")
print(round(0.125, 2), round(0.375, 2), round(-2.5), round(2.5), round(1e300, 2), round(-0.001, 2))
print(int(1e22), int(-2.5e15), int(2**63 + 0.0), float(10**22), 1e23)
print(f"{3.14159:10.3f}|{-3.14159:+.2e}|{1e100:.2f}"[:80])
# C's pow special cases (JS's Math.pow gives NaN for these).
nan, inf = float("nan"), float("inf")
print(1.0 ** nan, math.pow(1.0, nan), nan ** 0, 1.0 ** inf, math.pow(1.0, -inf))
print(math.atan2(0.0, -0.0), math.atan2(-0.0, -1.0), math.atan2(inf, -inf), 0.5 ** inf, 2.0 ** -inf)
print(math.exp(-inf), math.tanh(inf), math.atan(-inf), math.sinh(-0.0), math.log(inf), math.exp(700))
