import collections
import collections as c2
from collections import deque
print(c2 is collections, deque is collections.deque)

def f():
    import json
    return json.dumps([1])

print(f(), f())
import json
print(json.dumps([2]))
