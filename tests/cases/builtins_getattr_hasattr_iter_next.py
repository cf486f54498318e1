class Config:
    debug = False
    def __init__(self):
        self.niveau = 3

c = Config()
print(getattr(c, "niveau"), getattr(c, "debug"), getattr(c, "x", None))
print(hasattr(c, "niveau"), hasattr(c, "inconnu"), hasattr(c, "__init__"))
setattr(c, "niveau", 5)
print(c.niveau)
methode = getattr("abc", "upper")
print(methode())
it = iter([10, 20, 30])
print(next(it), next(it), next(it), next(it, "épuisé"))
it = iter("ab")
print(list(it), list(it))
d = iter({"x": 1, "y": 2})
print(next(d))
class Compteur:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n
print(list(Compteur(4)))
for v in Compteur(2):
    print("v", v)
try:
    getattr(c, "manquant")
except AttributeError as e:
    print(e)
