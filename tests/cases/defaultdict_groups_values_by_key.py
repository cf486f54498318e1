from collections import defaultdict

eleves = [("SIO1", "Ana"), ("SIO2", "Bob"), ("SIO1", "Chloé"), ("SIO2", "Dan"), ("SIO1", "Eve")]
classes = defaultdict(list)
for classe, nom in eleves:
    classes[classe].append(nom)
print(classes)
print(classes["SIO1"], len(classes))
compte = defaultdict(int)
for mot in "a b a c b a".split():
    compte[mot] += 1
print(compte, dict(compte))
print("SIO3" in classes, classes.get("SIO3"), len(classes))
classes["SIO3"]
print(sorted(classes))
