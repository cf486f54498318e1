from enum import Enum


class Etat(Enum):
    EN_ATTENTE = "attente"
    EN_COURS = "cours"
    TERMINE = "fini"


for e in Etat:
    print(e.name, "->", e.value)
print(list(Etat))
print(len(Etat), Etat.EN_COURS in Etat, [e.value for e in reversed(list(Etat))])
print(sorted(Etat, key=lambda e: e.value))
print({e: i for i, e in enumerate(Etat)}[Etat.TERMINE])
print(max(Etat, key=lambda e: len(e.name)))
