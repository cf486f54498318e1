class Point:
    def __new__(cls, x, y=0):
        self = super().__new__(cls)
        self.x = x
        return self

    def __init__(self, x, y=0):
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


print(Point(1, 2), Point(3), Point(x=4, y=5))


class Config:
    _instance = None

    def __new__(cls):
        if cls._instance is None:
            print("création")
            cls._instance = object.__new__(cls)
        return cls._instance

    def __init__(self):
        print("init")


a = Config()
b = Config()
print(a is b)


class Double:
    def __new__(cls, v):
        return v * 2


print(Double(21), type(Double(1)).__name__)
