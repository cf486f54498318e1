class Reglage:
    seuil: int | None = None
    nom: str | bytes = "x"

print(Reglage.seuil, Reglage.nom)
print(isinstance(3, int | str), isinstance(None, int | None), isinstance(2.5, int | str))
