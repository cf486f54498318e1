from collections import Counter

texte = """le chat mange la souris
la souris mange le fromage
le chat dort"""
mots = Counter(texte.split())
for mot, n in mots.most_common(3):
    print(f"{mot:8} {n}")
lettres = Counter(c for c in texte if c.isalpha())
print(lettres.most_common(4))
print(repr(Counter()), Counter("x"))
