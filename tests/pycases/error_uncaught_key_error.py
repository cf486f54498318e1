capitales = {"France": "Paris", "Italie": "Rome"}
print(capitales["France"])
print(capitales["Espagne"])
