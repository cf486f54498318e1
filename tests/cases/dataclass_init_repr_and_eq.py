from dataclasses import dataclass

@dataclass
class Eleve:
    nom: str
    classe: str
    moyenne: float = 10.0

a = Eleve("Ana", "SIO1", 14.5)
b = Eleve("Bob", "SIO2")
print(a)
print(b, b.moyenne)
print(a == Eleve("Ana", "SIO1", 14.5), a == b, a != b)
b.moyenne = 12
print(b)
print(Eleve(nom="Chloé", classe="SIO1"))
print(Eleve.moyenne, Eleve.__annotations__)
