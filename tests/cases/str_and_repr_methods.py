class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"

    def __str__(self):
        return f"({self.x}, {self.y})"

p = Point(1, 2)
print(p)
print(repr(p))
print(str(p))
print([p, Point("a", 3)])
print(f"{p} et {p!r}")

class SansStr:
    def __repr__(self):
        return "<SansStr>"

print(SansStr())
print(str(SansStr()))
