from dataclasses import dataclass, field, asdict, astuple, fields, replace, is_dataclass

@dataclass
class Adresse:
    ville: str
    cp: str

@dataclass
class Client:
    nom: str
    adresse: Adresse
    tags: list = field(default_factory=list)

c = Client("Ana", Adresse("Lyon", "69000"), ["vip"])
print(asdict(c))
print(astuple(c))
print([(f.name, f.type) for f in fields(Client)])
print(replace(c, nom="Bob"))
print(is_dataclass(c), is_dataclass(Client), is_dataclass(3))
try:
    asdict(Client)
except TypeError as e:
    print("TypeError:", e)
