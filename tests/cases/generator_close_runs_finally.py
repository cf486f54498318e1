def lignes():
    try:
        for i in range(10):
            yield f"ligne {i}"
    finally:
        print("nettoyage du générateur")

g = lignes()
print(next(g), next(g))
g.close()
print("après close")
for l in lignes():
    if l.endswith("1"):
        break
    print(l)
print("boucle interrompue")

def avec_return():
    yield 1
    return
    yield 2

print(list(avec_return()))
