import re

texte = "Le lot 12 coûte 45 euros, le lot 7 en coûte 9."
print(re.findall(r"\d+", texte))
print(re.findall(r"lot (\d+)", texte))
print(re.findall(r"(\w+) (\d+)", texte))
for m in re.finditer(r"\d+", texte):
    print(m.group(), m.span())
print(re.findall(r"[aeiouy]", "python"), re.findall(r"\bc\w+", texte), re.findall("", "abc"))
print([m.group() for m in re.finditer(r"o", "foo boo")], re.findall(r"x*", "axb"))
print(sum(int(n) for n in re.findall(r"\d+", texte)))
