jours = ["lundi", "mardi", "mercredi"]
for i in range(4):
    print(jours[i])
