# A set's table grows (8, 32, 128 slots...) as elements arrive: the order changes.
s = set()
for n in (5, 20, 100):
    while len(s) < n:
        s.add(len(s) * 37 % 101)
    print(len(s), s)
big = set(range(0, 300, 7))
print(big)
for i in range(0, 300, 14):
    big.discard(i)
print(big)
big.update([512, 256, 1024])
print(big)
t = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
print(t)
t = set([100, 200, 300, 400, 500])
u = {100, 200, 300, 400, 500}
print(t, u, t == u)
d = {64: "a", 0: "b", 32: "c", 96: "d", 1: "e"}
print(set(d), set(d.values()) == {"a", "b", "c", "d", "e"})
