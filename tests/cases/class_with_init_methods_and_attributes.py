class Compte:
    taux = 0.02  # attribut de classe

    def __init__(self, titulaire, solde=0):
        self.titulaire = titulaire
        self.solde = solde

    def deposer(self, montant):
        self.solde += montant
        return self

    def interets(self):
        return self.solde * Compte.taux

c = Compte("Alice", 100)
c.deposer(50).deposer(25)
print(c.titulaire, c.solde)
print(c.interets())
print(Compte.taux, c.taux)
c.taux = 0.5
print(Compte.taux, c.taux)
d = Compte("Bob")
print(d.solde, d.taux)
d.note = "nouvel attribut"
print(d.note)
print(hasattr(d, "note"), hasattr(c, "note"))
print(getattr(c, "absent", "défaut"))
