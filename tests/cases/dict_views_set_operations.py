# Keys and items views behave like sets: comparisons and | & - ^ give sets.
a = {"x": 1, "y": 2, "z": 3}
b = {"y": 20, "z": 3, "w": 4}
print(a.keys() == {"x", "y", "z"}, {"z", "y", "x"} == a.keys(), a.keys() != {"x"})
print(a.keys() == a.keys(), a.keys() == ["x", "y", "z"], a.keys() == frozenset("xyz"))
print(a.keys() <= {"x", "y", "z", "t"}, a.keys() < {"x", "y", "z"}, a.keys() >= {"x"}, a.keys() > a.keys())
print(sorted(a.keys() & b.keys()), sorted(a.keys() | b.keys()), sorted(a.keys() - b.keys()))
print(sorted(a.keys() ^ b.keys()), sorted(a.keys() & ["x", "w"]), sorted({"x", "q"} - a.keys()))
print(sorted(a.items() & b.items()), sorted(a.items() - b.items()))
print(sorted(["y", "t"] | a.keys()), sorted(("z", "q") ^ b.keys()))
r = a.keys() & b.keys()
print(type(r).__name__, type(frozenset("xy") | a.keys()).__name__, type(a.items() - set()).__name__)
print(a.items() == {("x", 1), ("y", 2), ("z", 3)}, a.items() == b.items(), a.items() <= a.items() | {("t", 0)})
vues = a.keys()
vues |= {"t"}
print(type(vues).__name__, sorted(vues), sorted(a))
print({1: 0, 2: 0}.keys() & {2, 3}, {1: 0}.keys() | {1: 5}.keys(), {1: 0}.items() ^ {1: 5}.items() == {(1, 0), (1, 5)})
print(a.keys() - a.keys(), a.keys() & set(), len(a.keys() | b.keys()))
communs = [k for k in a if k in b.keys()]
print(communs, all(k in a.keys() for k in r), ("z", 3) in (a.items() & b.items()))
