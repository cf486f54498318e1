print(list(map(str, [1, 2, 3])))
print(list(map(lambda a, b: a + b, [1, 2], [10, 20])))
print(list(filter(None, [0, 1, "", "a", None, []])))
print(list(filter(str.isupper, "aBcD")))
for x in [1, 1.5, "s", [1], (1,), {1: 2}, {1}, None, True]:
    print(repr(x), type(x).__name__, isinstance(x, (int, float)))
print(type(3) == int, type("a") is str, isinstance(3, object))
print(type(type(3)).__name__, callable(len), callable(3))
