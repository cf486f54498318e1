def saluer(nom):
    """Renvoie une salutation."""
    return f"Bonjour {nom}"

def sans_doc():
    x = "pas une docstring"
    return x

class Tache:
    """Une tâche de la boucle.

    Deux lignes."""
    def lancer(self):
        "Lance la tâche."

class Vide:
    pass

print(saluer.__doc__)
print(sans_doc.__doc__)
print(Tache.__doc__)
print(Tache.lancer.__doc__, Tache().lancer.__doc__)
print(Vide.__doc__)
print(saluer("Ana"))
