class Animal:
    def __init__(self, nom):
        self.nom = nom

    def parler(self):
        return "..."

    def presenter(self):
        return f"{self.nom} dit {self.parler()}"

class Chien(Animal):
    def __init__(self, nom, race):
        super().__init__(nom)
        self.race = race

    def parler(self):
        return "Wouf"

class Chiot(Chien):
    def parler(self):
        return super().parler() + " (petit)"

for a in [Animal("Générique"), Chien("Rex", "berger"), Chiot("Pip", "caniche")]:
    print(a.presenter())

p = Chiot("Pip", "caniche")
print(p.race)
print(isinstance(p, Animal), isinstance(p, Chien), isinstance(Animal("x"), Chien))
print(type(p).__name__, type(p) is Chiot)
print(issubclass(Chiot, Animal))
