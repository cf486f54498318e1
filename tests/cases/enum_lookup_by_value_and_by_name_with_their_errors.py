from enum import Enum


class Jour(Enum):
    LUNDI = 1
    MARDI = 2
    MERCREDI = 3


print(Jour(2), Jour["MERCREDI"], Jour(1) is Jour.LUNDI, Jour(Jour.MARDI))
print(getattr(Jour, "LUNDI"), Jour["LUNDI"].value)
try:
    Jour(7)
except ValueError as e:
    print("ValueError:", e)
try:
    Jour("1")
except ValueError as e:
    print("ValueError:", e)
try:
    Jour["DIMANCHE"]
except KeyError as e:
    print("KeyError:", e)
