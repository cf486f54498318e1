class Q:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return self.v == other.v

print(Q.__hash__)
print(Q(1) == Q(1))
try:
    {Q(1)}
except TypeError as e:
    print("TypeError:", e)
class Sub(Q):
    pass
try:
    hash(Sub(2))
except TypeError as e:
    print("TypeError:", e)
class Rehash(Q):
    def __hash__(self):
        return self.v
print(hash(Rehash(7)), len({Rehash(7), Rehash(7)}))
d = {}
d[Q(1)] = 2
