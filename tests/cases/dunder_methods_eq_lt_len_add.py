class Vecteur:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        return Vecteur(self.x + o.x, self.y + o.y)
    def __mul__(self, k):
        return Vecteur(self.x * k, self.y * k)
    def __eq__(self, o):
        return (self.x, self.y) == (o.x, o.y)
    def __lt__(self, o):
        return self.norme2() < o.norme2()
    def norme2(self):
        return self.x ** 2 + self.y ** 2
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return (self.x, self.y)[i]
    def __repr__(self):
        return f"V({self.x}, {self.y})"

a, b = Vecteur(1, 2), Vecteur(3, 4)
print(a + b, a * 3, a == Vecteur(1, 2), a != b, a < b)
print(sorted([b, a, Vecteur(0, 1)]), len(a), a[1], list(a))
print(max([a, b]))
