def f(a, b):
    return a + b

cinq = 5
texte, indice = "abc", 1.5
essais = [
    lambda: f(1),
    lambda: f(1, 2, 3),
    lambda: f(1, c=2),
    lambda: 1 + "a",
    lambda: [1] * "2",
    lambda: len(5),
    lambda: cinq(),
    lambda: None.append(1),
    lambda: [x for x in 42],
    lambda: texte[indice],
    lambda: {[1]: 2},
    lambda: sorted([1, "a"]),
    lambda: int([1]),
    lambda: "a" < 1,
    lambda: -"a",
    lambda: "%d" % "x",
]
for essai in essais:
    try:
        essai()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
