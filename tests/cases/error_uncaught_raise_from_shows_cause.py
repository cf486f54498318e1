def lire_config(texte):
    try:
        return int(texte)
    except ValueError as e:
        raise RuntimeError("configuration invalide") from e

print(lire_config("8080"))
lire_config("huit mille")
