# frozensets as dict keys and set elements: equal frozensets are the same key,
# whatever the order or the numeric type of their elements.
d = {frozenset({1, 2}): "a", (1, 2): "t", "I1;I2;": "s"}
d[frozenset([2, 1.0])] = "b"
print(len(d), d[frozenset({True, 2})], d[(1, 2)], d["I1;I2;"])
s = {frozenset({"x", b"x", (1, "y")}), frozenset({(1, "y"), b"x", "x"}), frozenset()}
print(len(s), frozenset() in s, frozenset({frozenset({1})}) == frozenset({frozenset([1])}))
e = {frozenset({frozenset({1, 2}), 3}): 1}
print(e[frozenset({3, frozenset({2, 1})})], frozenset({"ab"}) in {frozenset({"a", "b"})})
