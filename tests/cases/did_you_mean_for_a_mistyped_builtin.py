valeurs = [3, 1, 2]
print(sorted(valeurs))
prnt(valeurs)
