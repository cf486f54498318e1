stock = {"pommes": 3, "poires": 0}
stock["kiwis"] = 7
print(stock)
print(stock.get("pommes"), stock.get("ananas"), stock.get("ananas", -1))
print(list(stock.keys()), list(stock.values()))
for fruit, n in stock.items():
    print(f"{fruit}: {n}")
stock.update({"poires": 5, "mangues": 1})
stock.update(cerises=12)
print(stock)
print(stock.pop("kiwis"), stock.pop("absent", "rien"))
print(stock.setdefault("pommes", 100), stock.setdefault("dattes", 4))
print(stock, len(stock), "pommes" in stock, 3 in stock)
del stock["poires"]
print(stock)
compte = {}
for lettre in "abracadabra":
    compte[lettre] = compte.get(lettre, 0) + 1
print(compte)
print(dict(zip("abc", [1, 2, 3])), dict(a=1, b=2), dict([("x", 0)]))
print(sorted(compte.items(), key=lambda kv: -kv[1])[:2])
print({1: "a"} == {1: "a"}, stock.popitem())
