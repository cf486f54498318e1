from functools import total_ordering

@total_ordering
class Note:
    def __init__(self, valeur):
        self.valeur = valeur
    def __eq__(self, autre):
        return self.valeur == autre.valeur
    def __lt__(self, autre):
        return self.valeur < autre.valeur
    def __repr__(self):
        return f"Note({self.valeur})"

a, b = Note(12), Note(15)
print(a < b, a <= b, a > b, a >= b, a == Note(12))
print(sorted([Note(9), Note(18), Note(11)]), max(a, b))
try:
    @total_ordering
    class Rien:
        pass
except ValueError as e:
    print("ValueError:", e)
