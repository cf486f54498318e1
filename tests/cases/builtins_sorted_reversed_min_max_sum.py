v = [5, 3, 8, 1]
print(sorted(v), sorted(v, reverse=True), v)
print(sorted("python"), sorted(["b", "A", "a", "B"]))
print(list(reversed(v)), list(reversed("abc")), list(reversed(range(3))))
print(min(v), max(v), min(3, 1, 2), max("abc", "b", key=len))
print(min([], default="vide"), max([(2, "b"), (2, "a")]))
print(sum(v), sum([0.1] * 10), sum([[1], [2]], []), sum(range(5), 100))
print(abs(-3), abs(2.5), abs(-0.0))
print(round(3.14159, 2), round(1234, -2), round(7.5), round(8.5))
print(any([]), all([]), any([0, "", None]), all([1, "a"]))
try:
    max([])
except ValueError as e:
    print(e)
