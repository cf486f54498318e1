from collections import Counter
print(Counter("aa"))
from json import dumps as d
print(d([1]))
import json as j, itertools as it
print(j.loads("2"), list(it.repeat(1, 2)))
from itertools import *
print(list(islice(count(), 3)))
try:
    from collections import Compteur
except ImportError as e:
    # CPython ends the message with the module's file: (.../collections/__init__.py)
    print(type(e).__name__, str(e).split(" (")[0])
