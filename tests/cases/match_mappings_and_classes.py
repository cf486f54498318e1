from dataclasses import dataclass

@dataclass
class Point:
    x: int
    y: int

class Cercle:
    __match_args__ = ("centre", "rayon")
    def __init__(self, centre, rayon):
        self.centre = centre
        self.rayon = rayon

def forme(f):
    match f:
        case Point(x=0, y=0):
            return "origine"
        case Point(0, y):
            return f"sur l'axe des y à {y}"
        case Point(x, y) if x == y:
            return f"sur la diagonale ({x})"
        case Point():
            return "un point"
        case Cercle(Point(x=0, y=0), r):
            return f"cercle centré de rayon {r}"
        case Cercle(rayon=r):
            return f"cercle de rayon {r}"
        case int(n) | float(n):
            return f"nombre {n}"
        case _:
            return "inconnu"

for f in [Point(0, 0), Point(0, 5), Point(3, 3), Point(1, 2), Cercle(Point(0, 0), 2), Cercle(Point(1, 1), 4), 7, 2.5, "x"]:
    print(forme(f))

def message(m):
    match m:
        case {"type": "ping"}:
            return "ping"
        case {"type": "msg", "texte": str(t), **reste}:
            return f"message {t!r} {reste}"
        case {"type": t}:
            return f"type inconnu {t}"
        case {}:
            return "dictionnaire"
        case _:
            return "pas un dict"

for m in [{"type": "ping", "x": 1}, {"type": "msg", "texte": "salut", "de": "ana"}, {"type": "msg", "texte": 3}, {"a": 1}, [1]]:
    print(message(m))

match {"a": 1}:
    case {"a": 1 as un} as tout:
        print(un, tout)

class Couleur:
    ROUGE = "rouge"
    VERT = "vert"

match "vert":
    case Couleur.ROUGE:
        print("rouge")
    case Couleur.VERT:
        print("vert !")
