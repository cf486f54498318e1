t = (1, "deux", 3.0)
print(t, len(t), t[1], t.index(3.0), (1, 1, 2).count(1))
print((1, 2) + (3,), (0,) * 3, () == tuple())
print((1, 2) < (1, 3), (2,) > (1, 99), max([(1, "b"), (1, "a")]))
print(True + True, True * 10, int(False), bool(0), bool(""), bool([0]), bool(None))
print(True and False, True or False, not None)
print(None is None, None == 0, type(None).__name__)
r = print("print renvoie")
print(r)
def sans_retour():
    pass
print(sans_retour())
print(isinstance(True, int), 1 == True, hash(1) == hash(True))
x = [1]
y = x
z = [1]
print(x is y, x is z, x == z, id(x) == id(y), id(x) == id(z))
