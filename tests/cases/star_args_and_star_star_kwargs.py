def f(*args, **kwargs):
    print("args =", args)
    print("kwargs =", kwargs)

f()
f(1, 2, 3)
f(1, x=2, y="trois")

def somme(premier, *reste):
    return premier + sum(reste)

print(somme(1))
print(somme(1, 2, 3, 4))

nombres = [10, 20, 30]
options = {"sep": " | ", "end": " <fin>\n"}
print(*nombres, **options)

def point(x, y, z=0):
    return (x, y, z)

print(point(*[1, 2]))
print(point(**{"x": 5, "y": 6, "z": 7}))
