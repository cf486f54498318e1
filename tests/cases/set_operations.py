a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, a ^ b)
print(a.union([9]), a.intersection(b), a.difference(b))
print({1, 2} <= a, {1, 2} < {1, 2}, a.issuperset({1}), a.isdisjoint({8}))
a.add(10)
a.discard(1)
a.discard(99)
a.remove(2)
print(a)
s = set([3, 1, 3, 2, 1])
print(s, len(s), 2 in s)
print(set(), {}, type({}).__name__)
print(sorted({"poire", "pomme", "abricot"}))
f = frozenset({1, 2})
print(f, 1 in f)
try:
    a.remove(99)
except KeyError as e:
    print("KeyError", e)
