saisies = ["12", "7", "douze"]
total = 0
for s in saisies:
    total += int(s)
    print("total", total)
