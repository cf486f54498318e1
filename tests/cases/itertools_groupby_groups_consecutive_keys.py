from itertools import groupby

for k, g in groupby("AAAABBBCCDAABBB"):
    print(k, list(g))
notes = [("Ana", 12), ("Bob", 12), ("Chloé", 15), ("Dan", 9), ("Eve", 9)]
for note, groupe in groupby(notes, key=lambda t: t[1]):
    print(note, [nom for nom, _ in groupe])
print([k for k, _ in groupby(sorted("mississippi"))])
