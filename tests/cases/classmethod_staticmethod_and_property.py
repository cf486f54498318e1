class Temperature:
    nb = 0

    def __init__(self, celsius):
        self._celsius = celsius
        Temperature.nb += 1

    @property
    def fahrenheit(self):
        return self._celsius * 9 / 5 + 32

    @property
    def celsius(self):
        return self._celsius

    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("trop froid")
        self._celsius = v

    @classmethod
    def depuis_fahrenheit(cls, f):
        return cls((f - 32) * 5 / 9)

    @staticmethod
    def est_gel(c):
        return c <= 0

t = Temperature(100)
print(t.fahrenheit, t.celsius)
t.celsius = 25
print(t.fahrenheit)
print(Temperature.depuis_fahrenheit(212).celsius, Temperature.est_gel(-1), Temperature.nb)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError :", e)
