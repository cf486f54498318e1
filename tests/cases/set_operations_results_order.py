# Results of set operations come out in CPython's order too; pop() takes the first
# slot and then goes on from there.
a = {1, 2, 3, 40, 50, 60, 17}
b = {3, 40, 99, 17, 8}
print(a | b, a & b, a - b, a ^ b)
print(b | a, b & a, b - a, b ^ a)
print(a.union([9, 25, 1]), a.intersection([60, 1, 17]), a.difference([1]))
print(a.symmetric_difference([100, 1, 33]))
c = set(a)
c |= {72, 136}
print(c)
c &= set(range(0, 100, 2))
print(c)
c -= {2}
c ^= {5, 37, 69}
print(c)
f = frozenset([5, 13, 21])
print(f, f | {29}, frozenset({64, 1, 128}))
s = {5, 13, 21, 29, 37}
print(s.pop(), s.pop(), s)
s.add(45)
print(s.pop(), s)
p = {(1, 2), (3, 4), (0,), (-1, -1)}
print(p)
print({1.5, -0.5, 2.0, 1e300, float("inf"), 0.1})
print({True, 2, 0.0, (False,)})
