from collections import Counter

stock = Counter(pommes=3, poires=1)
stock.update(["pommes", "kiwis", "kiwis"])
print(stock)
stock.subtract({"pommes": 5})
print(stock)
a = Counter("aabbbc")
b = Counter("abd")
print(a + b)
print(a - b)
print(a | b)
print(a & b)
print(+stock)
print(sorted(a.elements()))
print(dict(a), list(a.keys()), list(a.values()))
del a["z"]
print(a == Counter({"a": 2, "b": 3, "c": 1}), Counter() == Counter(x=0))
