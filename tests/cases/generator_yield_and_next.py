def compte_a_rebours(n):
    print("démarrage")
    while n > 0:
        yield n
        n -= 1
    print("fini")
    return "valeur de retour"

g = compte_a_rebours(3)
print(type(g).__name__)
print(next(g))
print(next(g))
print(list(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

f = fib()
print([next(f) for _ in range(12)])
print(next(iter([]), "défaut"))
