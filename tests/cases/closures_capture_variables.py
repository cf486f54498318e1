def multiplicateur(n):
    def fois(x):
        return x * n
    return fois

double = multiplicateur(2)
triple = multiplicateur(3)
print(double(5), triple(5))

def compteur():
    total = 0
    def incremente(pas=1):
        nonlocal total
        total += pas
        return total
    return incremente

c = compteur()
print(c(), c(), c(10))

# piège : les fermetures capturent la variable, pas la valeur
fonctions = [lambda: i for i in range(3)]
print([f() for f in fonctions])
fonctions = [lambda i=i: i for i in range(3)]
print([f() for f in fonctions])
