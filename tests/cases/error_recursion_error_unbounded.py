def descente(n):
    return descente(n + 1)

print("on descend")
descente(0)
