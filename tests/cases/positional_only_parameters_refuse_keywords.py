def distance(x, y, /, echelle=1):
    return (x * x + y * y) ** 0.5 * echelle

print(distance(3, 4), distance(3, 4, echelle=2), distance(3, 4, 10))
try:
    distance(x=3, y=4)
except TypeError as e:
    print(e)
try:
    distance(3, y=4)
except TypeError as e:
    print(e)
def f(a, /, **kw):
    return a, kw
print(f(1, a=2))
