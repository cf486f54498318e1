from enum import Enum


class Planete(Enum):
    MERCURE = (3.303e+23, 2.4397e6)
    VENUS = (4.869e+24, 6.0518e6)
    TERRE = (5.976e+24, 6.37814e6)

    def __init__(self, masse, rayon):
        self.masse = masse
        self.rayon = rayon

    @property
    def gravite(self):
        G = 6.67300E-11
        return G * self.masse / (self.rayon * self.rayon)


for p in Planete:
    print(f"{p.name:8} {p.value} {p.gravite:.2f}")
print(Planete.TERRE.masse, Planete((5.976e+24, 6.37814e6)))
