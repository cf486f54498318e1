donnees = {"noms": ["Ana", "Ben"], "age": (20, 30), "actif": True, "note": None, "x": 1.50}
print(donnees)
print([[1, 2], [3, [4, [5]]]], ((1,), ()))
print({"a": {"b": {"c": []}}})
l = [1, 2]
l.append(l)
print(l)
d = {"moi": None}
d["moi"] = d
print(d)
print(["a'b", 'c"d', "e\\f", "g\nh"])
print(str(["é", 1.0]), repr("π"))
print([None, True, False, 0.0, -1, 10 ** 20, 1e20])
