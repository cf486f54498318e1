from dataclasses import dataclass

@dataclass(order=True)
class Version:
    majeur: int
    mineur: int = 0

vs = [Version(3, 11), Version(2, 7), Version(3, 8), Version(3)]
print(sorted(vs))
print(Version(3, 1) < Version(3, 2), Version(4) >= Version(3, 9), max(vs))
try:
    Version(1) < (1, 0)
except TypeError as e:
    print("TypeError:", e)
