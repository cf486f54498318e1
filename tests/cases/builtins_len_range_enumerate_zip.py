print(len("abc"), len([1, 2]), len({"a": 1}), len(range(10)), len(()))
print(list(range(5)), list(range(2, 10, 3)), list(range(10, 0, -3)), list(range(0)))
print(range(3), range(1, 10, 2)[2], 4 in range(5))
for i, c in enumerate("xyz"):
    print(i, c)
print(list(enumerate(["a", "b"], start=1)))
print(list(zip([1, 2, 3], "ab")), list(zip()))
noms = ["Ana", "Ben"]
notes = [12, 17]
for nom, note in zip(noms, notes):
    print(f"{nom}: {note}")
print(list(zip(*[(1, "a"), (2, "b")])))
