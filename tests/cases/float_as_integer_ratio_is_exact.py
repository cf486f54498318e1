for x in [0.1, 0.5, -2.5, 3.0, 1e300, 5e-324, 0.0, 1 / 3]:
    n, d = x.as_integer_ratio()
    print(x, n if n < 10 ** 20 else len(str(n)), d if d < 10 ** 20 else len(str(d)), n / d == x)
try:
    float("inf").as_integer_ratio()
except OverflowError as e:
    print(e)
