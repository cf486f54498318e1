# What a dict view is not: no indexing, no hashing of keys/items views, no set
# operators on values views; and a dict changing size while a view is iterated.
d = {"a": 1, "b": 2}
essais = [
    ("d.keys()[0]", lambda: d.keys()[0]),
    ("d.values()[0]", lambda: d.values()[0]),
    ("d.items()[1:]", lambda: d.items()[1:]),
    ("hash(d.keys())", lambda: hash(d.keys())),
    ("hash(d.items())", lambda: hash(d.items())),
    ("d.keys() & 5", lambda: d.keys() & 5),
    ("d.values() & {1}", lambda: d.values() & {1}),
    ("d.values() | d.values()", lambda: d.values() | d.values()),
    ("d.keys() + d.keys()", lambda: d.keys() + d.keys()),
    ("d.keys() < [1]", lambda: d.keys() < [1]),
    ("d.keys().append('c')", lambda: d.keys().append("c")),
    ("type(d.keys())()", lambda: type(d.keys())()),
    ("[] in d.keys()", lambda: [] in d.keys()),
    ("([], 1) in d.items()", lambda: ([], 1) in d.items()),
    ("list(d.keys())[0]", lambda: list(d.keys())[0]),
]
for texte, essai in essais:
    try:
        print(texte, "->", essai())
    except (TypeError, AttributeError) as e:
        print(texte, "!!", type(e).__name__, e)


def affecte(vue):
    vue[0] = "x"


def efface(vue):
    del vue[0]


for f in (affecte, efface):
    try:
        f(d.keys())
    except TypeError as e:
        print(e)

for vue in (d.keys(), d.values(), d.items()):
    try:
        for x in vue:
            d[len(d)] = x
    except RuntimeError as e:
        print(type(vue).__name__, len(d), e)
try:
    for cle in reversed(d.keys()):
        d.pop(cle)
except RuntimeError as e:
    print("reversed", e)
print(d)
for k, v in d.items():
    if v == 2:
        del d[k]
