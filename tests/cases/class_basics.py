class Animal:
    kind = "animal"
    count = 0
    def __init__(self, name, sound="..."):
        self.name = name
        self.sound = sound
        Animal.count += 1
    def speak(self):
        return f"{self.name} says {self.sound}"
    def __repr__(self):
        return f"Animal({self.name!r})"
    def __str__(self):
        return f"<{self.name}>"
class Dog(Animal):
    kind = "dog"
    def __init__(self, name):
        super().__init__(name, "woof")
        self.tricks = []
    def speak(self):
        base = super().speak()
        return base + "!"
    def add(self, trick):
        self.tricks.append(trick)
        return self
a = Animal("cat", "meow")
d = Dog("rex").add("sit").add("roll")
print(a.speak(), d.speak(), d.tricks, Animal.count, a.kind, d.kind, Dog.kind)
print(a, repr(a), [a, d], str(d), f"{d}", f"{d!r}")
print(isinstance(d, Animal), isinstance(a, Dog), issubclass(Dog, Animal), type(d).__name__, type(d) is Dog)
print(hasattr(d, "tricks"), getattr(d, "name"), d.__class__.__name__, Dog.__name__, Dog.__mro__)
setattr(a, "age", 3); print(a.age, a.__dict__)
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    def __rmul__(self, k):
        return self * k
    def __eq__(self, o):
        return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)
    def __lt__(self, o):
        return (self.x, self.y) < (o.x, o.y)
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return (self.x, self.y)[i]
    def __iter__(self):
        yield self.x
        yield self.y
    def __contains__(self, v):
        return v in (self.x, self.y)
    def __bool__(self):
        return bool(self.x or self.y)
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"
    def __hash__(self):
        return hash((self.x, self.y))
v = Vec(1, 2) + Vec(3, 4)
print(v, v * 2, 3 * v, v == Vec(4, 6), v != Vec(0, 0), len(v), v[0], list(v), 4 in v, bool(Vec(0, 0)))
print(sorted([Vec(2, 1), Vec(1, 5)]), max(Vec(1, 1), Vec(0, 9)), tuple(v), [*v])
class Counter:
    instances = 0
    def __init__(self):
        Counter.instances += 1
    @classmethod
    def create(cls):
        return cls()
    @staticmethod
    def helper(x):
        return x * 2
    @property
    def double(self):
        return Counter.instances * 2
Counter.create(); c = Counter()
print(Counter.instances, Counter.helper(4), c.helper(5), c.double)
class Temp:
    def __init__(self):
        self._c = 0
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, v):
        self._c = v
t = Temp(); t.celsius = 25; print(t.celsius)
class Base:
    def hello(self):
        return "base " + self.name()
    def name(self):
        return "Base"
class Child(Base):
    def name(self):
        return "Child"
print(Child().hello(), Base().hello())
class Empty:
    pass
e = Empty(); e.x = 1; print(e.x, type(e).__name__, repr(e)[:16])
