from functools import cmp_to_key

def compare(a, b):
    # par longueur, puis ordre alphabetique inverse
    if len(a) != len(b):
        return len(a) - len(b)
    return (a < b) - (a > b)

mots = ["pomme", "kiwi", "ananas", "figue", "poire", "abricot"]
print(sorted(mots, key=cmp_to_key(compare)))
print(max(mots, key=cmp_to_key(compare)))
