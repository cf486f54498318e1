def moyenne(notes):
    total = sum(notes)
    nombre = len(notes)
    return totale / nombre


print(moyenne([12, 15]))
