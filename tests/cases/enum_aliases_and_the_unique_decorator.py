from enum import Enum, unique


class Forme(Enum):
    CARRE = 2
    LOSANGE = 1
    CERCLE = 3
    ALIAS_CARRE = 2


print(Forme.ALIAS_CARRE, Forme.ALIAS_CARRE is Forme.CARRE, Forme(2).name)
print(list(Forme), len(Forme))
print(list(Forme.__members__))
try:
    @unique
    class Erreur(Enum):
        UN = 1
        DEUX = 2
        TROIS = 3
        QUATRE = 3
except ValueError as e:
    print(e)


@unique
class Ok(Enum):
    A = 1
    B = 2


print(list(Ok))
