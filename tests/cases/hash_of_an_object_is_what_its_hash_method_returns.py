class Cle:
    def __init__(self, h):
        self.h = h
    def __hash__(self):
        return self.h

for h in [5, -1, 0, 2**62, 2**70, -(2**70), True]:
    print(h if isinstance(h, bool) or abs(h) < 2**63 else "grand", "->", hash(Cle(h)))
class Mauvais:
    def __hash__(self):
        return "x"
try:
    hash(Mauvais())
except TypeError as e:
    print("TypeError:", e)
