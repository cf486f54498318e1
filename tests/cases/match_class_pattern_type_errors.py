class A:
    pass

class B:
    __match_args__ = ["x"]

class C:
    __match_args__ = ("x",)
    x = 1

def essai(f):
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)

def appel_non_classe():
    match 1:
        case print():
            pass

def trop_de_positionnels():
    match A():
        case A(1):
            pass

def int_un_seul():
    match 1:
        case int(1, 2):
            pass

def match_args_liste():
    match B():
        case B(1):
            pass

def attribut_deux_fois():
    match C():
        case C(1, x=2):
            pass

for f in [appel_non_classe, trop_de_positionnels, int_un_seul, match_args_liste, attribut_deux_fois]:
    essai(f)

d = {"a": 1}
class K:
    a = "a"
try:
    match d:
        case {K.a: 1, "a": 2}:
            pass
except ValueError as e:
    print("ValueError:", e)
