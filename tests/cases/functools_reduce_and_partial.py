from functools import reduce, partial
import operator

print(reduce(operator.add, [1, 2, 3, 4]))
print(reduce(lambda acc, x: acc * x, range(1, 6), 1))
print(reduce(lambda a, b: a + b, [], "vide"))
try:
    reduce(operator.add, [])
except TypeError as e:
    print("TypeError:", e)

def puissance(base, exposant):
    return base ** exposant

carre = partial(puissance, exposant=2)
deux_puissance = partial(puissance, 2)
print(carre(7), deux_puissance(10), carre.args, carre.keywords, carre.func.__name__)
print(partial(carre, 3)())
