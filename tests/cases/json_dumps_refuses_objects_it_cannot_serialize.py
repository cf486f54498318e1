import json

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

for obj in [{1, 2}, Point(1, 2), {(1, 2): "cle"}, b"octets"]:
    try:
        json.dumps(obj)
    except TypeError as e:
        print("TypeError:", e)
print(json.dumps(Point(1, 2), default=lambda o: o.__dict__))
print(json.dumps({(1, 2): "x", "ok": 1}, skipkeys=True))
l = [1]
l.append(l)
try:
    json.dumps(l)
except ValueError as e:
    print("ValueError:", e)
