class Compte:
    def __init__(self, titulaire):
        self.titulaire = titulaire
        self.solde = 0

    def deposer(self, montant):
        self.solde += montant


c = Compte("Ada")
c.deposer(10)
print(c.solde)
c.deposr(5)
