class Voiture:
    def __init__(self, marque):
        self.marque = marque

v = Voiture("Renault")
print(v.marque)
v.demarrer()
