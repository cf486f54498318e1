# d.keys(), d.values(), d.items() are views of the dict, not lists: they follow it.
stock = {"pommes": 3, "poires": 0}
cles, valeurs, paires = stock.keys(), stock.values(), stock.items()
print(cles)
print(valeurs)
print(paires)
print(type(cles).__name__, type(valeurs).__name__, type(paires).__name__, type(cles))
print({}.keys(), {}.values(), {}.items(), bool(cles), bool({}.items()))
stock["kiwis"] = 7
print(cles, len(cles), len(valeurs), len(paires))
del stock["poires"]
print(paires)
stock["pommes"] = 10
print(valeurs)
print("kiwis" in cles, "poires" in cles, 10 in valeurs, 3 in valeurs)
print(("kiwis", 7) in paires, ("kiwis", 8) in paires, "kiwis" in paires, ("x",) in paires)
print(list(cles), sorted(valeurs), tuple(paires), list(reversed(paires)))
premier, second = cles
print(premier, second, *valeurs, max(paires), sum(valeurs), "-".join(cles))
print([f"{fruit}={n}" for fruit, n in paires], dict(paires), list(enumerate(valeurs)))
# values views compare by identity; keys views like sets
print(valeurs == valeurs, stock.values() == stock.values(), list(valeurs) == [10, 7])
print(cles == stock.keys(), cles == ["pommes", "kiwis"], paires == stock.items())
for fruit, n in stock.items():
    stock[fruit] = n * 2  # changing values, not the size, is allowed
print(stock, paires)
stock.clear()
print(cles, valeurs, paires, len(cles))
d = {}
d["moi"] = d.values()
print(d)
