compteur = 0

def incrementer():
    compteur += 1   # oubli de "global compteur"
    return compteur

incrementer()
