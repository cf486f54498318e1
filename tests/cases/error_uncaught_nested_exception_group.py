def valider(x):
    erreurs = []
    if x < 0:
        erreurs.append(ValueError(f"{x} est négatif"))
    if x % 2:
        erreurs.append(ExceptionGroup("parité", [TypeError("impair"), KeyError(x)]))
    if erreurs:
        raise ExceptionGroup("validation", erreurs)

valider(4)
print("4 est valide")
try:
    valider(-3)
except* TypeError as e:
    print("TypeError traitée :", e.exceptions)
