from enum import StrEnum, auto


class Methode(StrEnum):
    GET = auto()
    POST = auto()
    AUTRE = "Autre"


print(Methode.GET, repr(Methode.POST), f"[{Methode.AUTRE}]", Methode.GET.value)
print(Methode.GET == "get", Methode("post"), Methode.AUTRE.upper(), Methode.GET + "/x")
print([m for m in Methode], "-".join(m.value for m in Methode))
