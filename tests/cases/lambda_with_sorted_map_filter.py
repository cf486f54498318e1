carre = lambda x: x * x
print(carre(7))

eleves = [("Zoé", 15), ("Adam", 12), ("Léa", 18), ("Bob", 12)]
print(sorted(eleves, key=lambda e: e[1]))
print(sorted(eleves, key=lambda e: (-e[1], e[0])))
print(list(map(lambda e: e[0].upper(), eleves)))
print(list(filter(lambda e: e[1] >= 15, eleves)))
print((lambda a, b=2: a ** b)(3))
print((lambda *a: len(a))(1, 2, 3))
