from enum import Enum


class Couleur(Enum):
    ROUGE = 1
    VERT = 2
    BLEU = 3


print(Couleur.ROUGE)
print(repr(Couleur.VERT))
print(Couleur.BLEU.name, Couleur.BLEU.value)
print(f"{Couleur.ROUGE} / {Couleur.ROUGE!r} / [{Couleur.VERT:>14}]")
print(type(Couleur.ROUGE).__name__, isinstance(Couleur.ROUGE, Couleur), repr(Couleur))
print(Couleur.ROUGE == Couleur.ROUGE, Couleur.ROUGE == 1, Couleur.ROUGE is Couleur.ROUGE)
print(Couleur.ROUGE != Couleur.VERT, [c.name for c in [Couleur.BLEU, Couleur.ROUGE]])
print(Couleur.__members__)
print(list(Couleur.__members__), len(Couleur.__members__))
