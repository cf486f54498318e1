class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return f"Point({self.x}, {self.y})"

a, b = Point(1, 2), Point(1, 2)
print(a == b, a is b, hash(a) == hash(b))
vus = {a}
print(b in vus, Point(2, 1) in vus)
print(len({a, b, Point(0, 0)}))
cases = {a: "départ"}
print(cases[b], cases.get(Point(9, 9), "absent"))
cases[b] = "remplacé"
print(cases, len(cases))
print({(a, 1): "tuple"}[(b, 1)])
class Id:
    pass
print(len({Id(), Id()}))
