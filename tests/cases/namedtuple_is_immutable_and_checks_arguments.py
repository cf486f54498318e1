from collections import namedtuple

Eleve = namedtuple("Eleve", "nom classe moyenne", defaults=[10.0])
e = Eleve("Ana", "SIO1")
print(e)
try:
    e.nom = "Bob"
except AttributeError as err:
    print("AttributeError:", err)
for args in [(), ("Ana",), ("a", "b", 1, 2)]:
    try:
        Eleve(*args)
    except TypeError as err:
        print("TypeError:", err)
try:
    Eleve("a", "b", age=3)
except TypeError as err:
    print("TypeError:", err)
try:
    namedtuple("Bad", ["ok", "_cache"])
except ValueError as err:
    print("ValueError:", err)
