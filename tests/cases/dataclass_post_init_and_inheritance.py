from dataclasses import dataclass, field

@dataclass
class Personne:
    nom: str
    prenom: str

@dataclass
class Etudiant(Personne):
    classe: str = "SIO1"
    complet: str = field(default="", repr=False)

    def __post_init__(self):
        self.complet = f"{self.prenom} {self.nom}"

e = Etudiant("Dupont", "Ana")
print(e)
print(e.complet)
print(Etudiant("Martin", "Bob", "SIO2"))

@dataclass
class Compteur:
    valeur: int = 0

    def incremente(self):
        self.valeur += 1
        return self

print(Compteur().incremente().incremente())
