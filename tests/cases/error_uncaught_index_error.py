jours = ["lundi", "mardi", "mercredi"]
# range(4) va un cran trop loin : les indices valides sont 0, 1 et 2
for i in range(4):
    print(jours[i])
print("jamais affiché")
