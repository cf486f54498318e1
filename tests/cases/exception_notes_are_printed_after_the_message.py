try:
    raise ValueError("valeur invalide")
except ValueError as e:
    e.add_note("Astuce : la valeur doit être positive.")
    e.add_note("Voir le chapitre 3.")
    print(e.__notes__)
    try:
        e.add_note(42)
    except TypeError as t:
        print("TypeError:", t)
e = KeyError("x")
print(hasattr(e, "__notes__"))
def verifier(n):
    if n < 0:
        err = ValueError(f"{n} est négatif")
        err.add_note("Les durées de sleep sont positives.")
        raise err
verifier(-1)
