from enum import Enum, auto


class Priorite(Enum):
    BASSE = auto()
    NORMALE = auto()
    HAUTE = auto()

    def urgente(self):
        return self is Priorite.HAUTE

    @classmethod
    def par_defaut(cls):
        return cls.NORMALE

    @property
    def etiquette(self):
        return self.name.capitalize()


print(list(Priorite))
print([p.value for p in Priorite], Priorite.HAUTE.urgente(), Priorite.BASSE.urgente())
print(Priorite.par_defaut(), Priorite.HAUTE.etiquette)


class Niveau(Enum):
    UN = 10
    DEUX = auto()
    TROIS = auto()


print([(n.name, n.value) for n in Niveau])
