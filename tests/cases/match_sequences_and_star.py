def commande(cmd):
    match cmd.split():
        case []:
            return "vide"
        case ["aller", direction]:
            return f"aller vers {direction}"
        case ["prendre", *objets] if objets:
            return f"prendre {', '.join(objets)}"
        case ["quitter" | "sortir"]:
            return "au revoir"
        case [premier, *_, dernier]:
            return f"de {premier} à {dernier}"
        case [seul]:
            return f"un seul mot : {seul}"

for c in ["", "aller nord", "prendre clé épée", "prendre", "sortir", "a b c d", "bonjour"]:
    print(repr(c), "->", commande(c))

match (1, 2, 3):
    case (a, b):
        print("deux")
    case (a, *reste):
        print("a =", a, "reste =", reste)

match "abc":
    case [a, b, c]:
        print("une chaîne n'est pas une séquence pour match")
    case str() as s:
        print("chaîne", s)

match range(4):
    case [0, *milieu, 3]:
        print("range", milieu)
match 1, 2:
    case x, y:
        print(x + y)
