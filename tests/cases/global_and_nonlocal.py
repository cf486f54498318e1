compteur = 0

def incremente():
    global compteur
    compteur += 1

for _ in range(3):
    incremente()
print("compteur =", compteur)

def exterieur():
    x = "externe"
    def interieur():
        nonlocal x
        x = "modifié"
    interieur()
    return x

print(exterieur())

y = 1
def lecture_seule():
    return y + 1
print(lecture_seule())

def masque():
    y = 100
    return y
print(masque(), y)
