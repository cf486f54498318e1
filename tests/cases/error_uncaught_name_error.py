def saluer():
    print("Bonjour", nom_inconnu)

print("avant")
saluer()
print("jamais affiché")
