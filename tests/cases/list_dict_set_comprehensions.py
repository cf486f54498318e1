carres = [x * x for x in range(10)]
print(carres)
pairs = [x for x in range(20) if x % 3 == 0]
print(pairs)
matrice = [[i * j for j in range(1, 4)] for i in range(1, 4)]
print(matrice)
aplatie = [v for ligne in matrice for v in ligne if v % 2]
print(aplatie)
longueurs = {mot: len(mot) for mot in ["asyncio", "boucle", "tâche"]}
print(longueurs)
inverse = {v: k for k, v in longueurs.items()}
print(inverse)
restes = {x % 5 for x in range(100)}
print(restes)
print(sorted({c for c in "mississippi"}))
x = "extérieur"
_ = [x for x in range(3)]
print(x)
