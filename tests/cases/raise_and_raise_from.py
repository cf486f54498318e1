class ErreurMetier(Exception):
    pass

def charger(cle):
    donnees = {"a": 1}
    try:
        return donnees[cle]
    except KeyError as e:
        raise ErreurMetier(f"clé inconnue : {cle}") from e

try:
    charger("b")
except ErreurMetier as e:
    print("attrapé :", e)
    print("cause :", repr(e.__cause__))

try:
    raise ValueError("mauvaise valeur", 42)
except ValueError as e:
    print(e.args)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise
except ZeroDivisionError as e:
    print("re-levée :", e)
