def moyenne():
    total = 0
    n = 0
    moy = None
    while True:
        x = yield moy
        total += x
        n += 1
        moy = total / n

m = moyenne()
print(next(m))
print(m.send(10))
print(m.send(20))
print(m.send(60))

def interne():
    yield 1
    yield 2
    return "résultat interne"

def externe():
    r = yield from interne()
    print("interne a renvoyé", r)
    yield from range(3, 5)

print(list(externe()))

def echo():
    recu = yield "prêt"
    while True:
        recu = yield f"écho {recu}"

e = echo()
print(e.send(None), e.send("a"), e.send("b"))
e.close()
