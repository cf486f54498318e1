capitales = {"France": "Paris", "Italie": "Rome"}
print(capitales["France"])
print(capitales.get("Espagne", "inconnue"))
print(capitales["Espagne"])
print("jamais affiché")
