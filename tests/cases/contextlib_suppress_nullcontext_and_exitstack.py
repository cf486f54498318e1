from contextlib import suppress, nullcontext, ExitStack, closing

with suppress(KeyError, IndexError):
    [][1]
print("apres suppress")
try:
    with suppress(KeyError):
        int("x")
except ValueError as e:
    print("ValueError passe:", e)

with nullcontext("valeur") as v:
    print(v)

class Ressource:
    def __init__(self, nom):
        self.nom = nom
    def __enter__(self):
        print("ouvre", self.nom)
        return self
    def __exit__(self, *exc):
        print("ferme", self.nom)
    def close(self):
        print("close", self.nom)

with ExitStack() as pile:
    for n in "abc":
        pile.enter_context(Ressource(n))
    pile.callback(print, "rappel")
    print("travail")

with closing(Ressource("fichier")) as r:
    print("utilise", r.nom)
