def diviser(a, b):
    try:
        r = a / b
    except ZeroDivisionError as e:
        print("erreur :", e)
        return None
    else:
        print("pas d'erreur")
        return r
    finally:
        print("finally toujours exécuté")

print(diviser(10, 2))
print(diviser(1, 0))

def f():
    try:
        return "try"
    finally:
        print("finally avant le retour")

print(f())

try:
    int("abc")
except (TypeError, ValueError) as e:
    print(type(e).__name__, e)
