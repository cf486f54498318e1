a, b = 1, 2
a, b = b, a
print(a, b)
premier, *milieu, dernier = [1, 2, 3, 4, 5]
print(premier, milieu, dernier)
*debut, fin = "abc"
print(debut, fin)
(x, y), z = (1, 2), 3
print(x, y, z)
for i, (nom, age) in enumerate([("Ana", 20), ("Ben", 30)]):
    print(i, nom, age)
l = [*range(3), *"ab", 9]
print(l)
d = {**{"a": 1, "b": 2}, "b": 3, **{"c": 4}}
print(d)
t = 1,
print(t, len(t))
print(*[1, 2], *(3,), sep="-")
try:
    p, q = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    p, q, r = [1, 2]
except ValueError as e:
    print(e)
