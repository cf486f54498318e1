for v in [0, 1, -1, 0.0, "", "a", [], [0], (), {}, None, True, False, range(0)]:
    print(repr(v), bool(v), not v)
print(None is None, [] is [], 1 if [] else 2, 0 or "x", 3 and 4, "" and 5, None or 0)
a = [1]
b = a
print(a is b, a == [1], a is not [1], type(1), type("s"), type(None), type([]), type(print), isinstance(1, int))
print(isinstance(True, int), isinstance(1, (str, float)), isinstance("s", str), issubclass(bool, int), callable(len), callable(3))
print(hasattr("s", "upper"), getattr("s", "upper")(), getattr(1, "nope", "default"), id(a) == id(b))
x = 5
print(0 < x < 10, x == 5 == 5.0, (x := 7), x)
