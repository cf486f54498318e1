from collections import Counter

votes = ["bleu", "rouge", "vert", "rouge", "bleu", "jaune", "vert"]
c = Counter(votes)
print(c)
print(c.most_common())
print(c.most_common(2))
print(c["violet"], "violet" in c, len(c), c.total())
