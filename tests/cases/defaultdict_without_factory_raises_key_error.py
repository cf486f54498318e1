from collections import defaultdict

d = defaultdict(None, {"a": 1})
print(d, d["a"])
try:
    d["b"]
except KeyError as e:
    print("KeyError", e)
try:
    defaultdict(3)
except TypeError as e:
    print(e)
n = defaultdict(lambda: "?")
print(n["x"], dict(n))
