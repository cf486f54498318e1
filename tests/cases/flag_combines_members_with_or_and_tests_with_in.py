from enum import Flag, IntFlag, auto


class Droit(Flag):
    LIRE = auto()
    ECRIRE = auto()
    EXECUTER = auto()


rw = Droit.LIRE | Droit.ECRIRE
print(rw, repr(rw))
print(Droit.LIRE in rw, Droit.EXECUTER in rw, list(rw), len(rw))
print(repr(Droit(0)), str(Droit(0)), bool(Droit(0)), bool(rw))
print(repr(rw & Droit.ECRIRE), repr(~Droit.LIRE), Droit(7))
print([d.value for d in Droit])


class Mode(IntFlag):
    R = 4
    W = 2
    X = 1


m = Mode.R | Mode.W
print(repr(m), m == 6, m & Mode.W == Mode.W, Mode.X in m)
