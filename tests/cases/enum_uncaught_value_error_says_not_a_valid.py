from enum import Enum


class Statut(Enum):
    ACTIF = 1
    INACTIF = 0


print(Statut(1))
print(Statut(2))
