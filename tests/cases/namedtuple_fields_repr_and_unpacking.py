from collections import namedtuple

Point = namedtuple("Point", ["x", "y"])
p = Point(3, y=4)
print(p, p.x, p.y, p[0], p[-1])
x, y = p
print(x + y, len(p), list(p), p == (3, 4), p == Point(3, 4))
print(Point._fields, p._asdict())
print(p._replace(x=10), p)
q = Point._make([5, 6])
print(q, q > p, sorted([q, p]))
print(type(p).__name__, isinstance(p, Point))
