from enum import Enum, IntEnum

Animal = Enum("Animal", "FOURMI ABEILLE CHAT")
print(list(Animal), Animal.CHAT.value, Animal(1), repr(Animal))
Feu = Enum("Feu", ["VERT", "ORANGE", "ROUGE"])
print([f.name for f in Feu], Feu["ORANGE"].value)
Code = IntEnum("Code", {"OK": 200, "INTROUVABLE": 404})
print(Code.OK, repr(Code.INTROUVABLE), Code(404).name)
Pair = Enum("Pair", [("A", "a"), ("B", "b")])
print(Pair.B.value, len(Pair))
