from dataclasses import dataclass

@dataclass
class Produit:
    nom: str
    prix: float
    stock: int = 0

for args, kwargs in [((), {}), (("stylo",), {}), (("a", 1, 2, 3), {}), (("a", 1), {"couleur": "bleu"}), (("a",), {"nom": "b", "prix": 1})]:
    try:
        Produit(*args, **kwargs)
    except TypeError as e:
        print(e)
try:
    @dataclass
    class Mal:
        a: int = 0
        b: int
except TypeError as e:
    print(e)
