def saluer(nom, salutation="Bonjour", ponctuation="!"):
    return f"{salutation} {nom}{ponctuation}"

print(saluer("Alice"))
print(saluer("Bob", "Salut"))
print(saluer("Chloé", ponctuation="?"))
print(saluer(ponctuation=".", nom="Dan", salutation="Bonsoir"))

def ajoute(x, liste=[]):
    # piège classique : la valeur par défaut est partagée entre les appels
    liste.append(x)
    return liste

print(ajoute(1))
print(ajoute(2))

def seulement_mot_cle(a, *, b=10):
    return a + b

print(seulement_mot_cle(1))
print(seulement_mot_cle(1, b=2))
