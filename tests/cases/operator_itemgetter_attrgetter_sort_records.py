from operator import itemgetter, attrgetter, methodcaller
import operator

eleves = [("Ana", "SIO1", 14), ("Bob", "SIO2", 11), ("Chloé", "SIO1", 17), ("Dan", "SIO2", 11)]
print(sorted(eleves, key=itemgetter(2)))
print(sorted(eleves, key=itemgetter(1, 0)))
print(itemgetter(0)(eleves), itemgetter(0, -1)("abcdef"), itemgetter("nom")({"nom": "Eve"}))

class Produit:
    def __init__(self, nom, prix):
        self.nom, self.prix = nom, prix
    def __repr__(self):
        return f"Produit({self.nom!r}, {self.prix})"

stock = [Produit("stylo", 1.5), Produit("cahier", 3.0), Produit("gomme", 0.8)]
print(sorted(stock, key=attrgetter("prix")))
print(max(stock, key=attrgetter("prix")).nom, attrgetter("nom", "prix")(stock[0]))
print(list(map(methodcaller("upper"), ["a", "b"])), methodcaller("split", "-")("a-b-c"))
print(operator.add(2, 3), operator.mul("ab", 2), operator.neg(4), operator.truediv(7, 2), operator.floordiv(7, 2))
print(operator.lt(1, 2), operator.eq("a", "a"), operator.contains([1, 2], 2), operator.getitem("abc", 1), operator.not_(0))
