# Sets of ints print in the order of CPython's hash table, not in insertion order.
print({3, 1, 2})
print(set([10, 5, 8, 1]))
print({8, 16, 0})
print(set([0, 16, 8]), set([16, 8, 0]))
print({-1, -2, 5, -7})
print({2**61, 2**61 - 1, 2**64, -2**61, 7})
for x in {40, 20, 10, 30}:
    print(x, end=" ")
print()
print(list({100, 50, 25, 12, 6, 3}))
print({x * 7 % 30 for x in range(12)})
s = set()
for i in (33, 1, 65, 17, 9):
    s.add(i)
print(s)
s.discard(1)
s.add(97)
print(s)
v = 4
print({v, 12, 20, 28}, {4, 12, 20, 28})
print(sorted({31, 7, 19}), max({31, 7, 19}))
