def decrire(x):
    match x:
        case 0:
            return "zéro"
        case 1 | 2 | 3:
            return "petit"
        case -1:
            return "moins un"
        case "ping":
            return "pong"
        case None:
            return "rien"
        case True:
            return "vrai"
        case 1.5:
            return "un et demi"
        case int(n) if n > 100:
            return f"grand ({n})"
        case _:
            return "autre"

for v in [0, 2, -1, "ping", None, True, 1.5, 500, 42, "x"]:
    print(repr(v), "->", decrire(v))

match = 3
print(match * 2)
def match(x):
    return x + 1
print(match(1))
