d = {"b": 1, "a": 2}
d["c"] = 3
print(d, d["a"], d.get("z"), d.get("z", 0), len(d), "a" in d, "z" not in d)
print(list(d.keys()), list(d.values()), list(d.items()))
for k, v in d.items():
    print(k, v)
print(d.pop("b"), d, d.setdefault("x", 9), d.setdefault("x", 10), d)
d.update({"y": 1}, z=2); print(d)
del d["x"]; print(d, d.popitem(), d)
print(dict(a=1, b=2), dict([("k", "v")]), dict(zip("ab", [1, 2])), {k: k * 2 for k in "ab"}, dict.fromkeys("ab", 0))
print({1: "one", 1.0: "float one", True: "true"}, {(1, 2): "t"}, {None: 0})
print({**{"a": 1}, "b": 2}, {"a": 1} | {"b": 2}, {"a": 1} == {"a": 1})
counts = {}
for w in "the cat the dog the".split():
    counts[w] = counts.get(w, 0) + 1
print(counts, sorted(counts.items(), key=lambda kv: -kv[1]))
s = {1, 2, 3}
s.add(4); s.discard(9); s.remove(1)
print(s, len(s), 2 in s, {1, 2} | {2, 3}, {1, 2} & {2, 3}, {1, 2} - {2}, {1, 2} ^ {2, 3})
print(set(), set([1, 1, 2]), {x % 3 for x in range(10)}, {1, 2} <= {1, 2, 3}, {1, 2}.issubset([1, 2]))
print(frozenset([1, 2]), sorted({3, 1, 2}), {1, 2}.union([5]), {1, 2, 3}.intersection({2}), set("aab") == {"a", "b"})
e = {}
print(e, bool(e), bool({1: 1}), type(e).__name__, type(s).__name__)
