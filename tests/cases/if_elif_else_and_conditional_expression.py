def classer(note):
    if note >= 16:
        return "très bien"
    elif note >= 12:
        return "bien"
    elif note >= 10:
        return "passable"
    else:
        return "insuffisant"

for n in [18, 12, 10, 3]:
    print(n, classer(n))

x = 7
print("pair" if x % 2 == 0 else "impair")
print(0 < x < 10, 1 < x > 9)
print(not x, x and "oui", 0 or "défaut", None or 0)
if []:
    print("liste vide vraie ?")
else:
    print("liste vide est fausse")
