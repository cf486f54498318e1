print(int("42"), int("-7"), int(3.99), int("ff", 16), int("0b101", 0), int(" 12 "))
print(float("2.5"), float("-1e3"), float(7), float("inf"))
print(str(42), str(3.0), str(None), str([1, "a"]), repr("a'b"), repr('a"b'))
print(list("abc"), list((1, 2)), list({"a": 1, "b": 2}), list(range(3)))
print(tuple([1, 2]), tuple("hi"), set([1, 1, 2]), dict([(1, 2)]))
print(bool("False"), bool(0.0), str(True), int(True))
print(repr("ligne\nsuivante"), repr("tab\t"), repr("é"))
try:
    int("4.5")
except ValueError as e:
    print(e)
try:
    float("abc")
except ValueError as e:
    print(e)
try:
    int(None)
except TypeError as e:
    print(e)
