class Ressource:
    def __init__(self, nom):
        self.nom = nom

    def __enter__(self):
        print("ouverture", self.nom)
        return self

    def __exit__(self, exc_type, exc, tb):
        print("fermeture", self.nom, "exception:", exc_type.__name__ if exc_type else None)
        return False

with Ressource("fichier") as r:
    print("utilisation de", r.nom)

try:
    with Ressource("connexion"):
        raise ValueError("échec")
except ValueError as e:
    print("propagée :", e)

with Ressource("a") as a, Ressource("b") as b:
    print("deux ressources", a.nom, b.nom)
