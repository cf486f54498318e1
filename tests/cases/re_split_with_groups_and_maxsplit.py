import re

print(re.split(r"\W+", "Mots, mots, mots."))
print(re.split(r"(\W+)", "Mots, mots."))
print(re.split(r"\s*[,;]\s*", "a , b;c ;  d", maxsplit=2))
print(re.split(r"\d", "a1b2c3"), re.split(r"[,]", ""), re.split(r"(,)(x)?", "a,b"))
print(re.compile(r"\s+").split("  début et fin  "), "a b".split(" ") == re.split(" ", "a b"))
