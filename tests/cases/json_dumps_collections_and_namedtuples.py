import json
from collections import Counter, OrderedDict, defaultdict, namedtuple

P = namedtuple("P", "x y")
print(json.dumps(Counter("aab")))
print(json.dumps(OrderedDict([("b", 1), ("a", 2)])))
d = defaultdict(list)
d["k"].append(1)
print(json.dumps(d))
print(json.dumps([P(1, 2)]))
print(json.dumps({"pt": P(3, 4)}, indent=1))
