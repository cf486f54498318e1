from enum import IntEnum


class Niveau(IntEnum):
    DEBUG = 10
    INFO = 20
    ERREUR = 40


print(Niveau.INFO, repr(Niveau.INFO), f"{Niveau.ERREUR}", str(Niveau.DEBUG))
print(Niveau.INFO == 20, Niveau.INFO < Niveau.ERREUR, Niveau.DEBUG < 15, Niveau.ERREUR >= 40)
print(Niveau.INFO + 5, Niveau.ERREUR * 2, Niveau.ERREUR // 3, 100 - Niveau.INFO)
print(sorted([Niveau.ERREUR, Niveau.DEBUG, Niveau.INFO]), Niveau(40).name)
print(["a", "b", "c"][Niveau.DEBUG // 10], int(Niveau.INFO), max(Niveau))
print([n.name for n in Niveau if n >= Niveau.INFO])
