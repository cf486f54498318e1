import re

print(re.search("BONJOUR", "dire bonjour", re.IGNORECASE), re.findall(r"[a-c]+", "ABCabc", re.I))
texte = "un\ndeux\ntrois"
print(re.findall(r"^\w+", texte), re.findall(r"^\w+", texte, re.MULTILINE), re.findall(r"\w+$", texte, re.M))
print(re.search(r"un.deux", texte), re.search(r"un.deux", texte, re.DOTALL))
print(re.match(r"(?i)hello", "HeLLo"), re.match(r"(?s).+", "a\nb").group() == "a\nb")
print(re.findall(r"(?m)^#.*$", "#a\nb\n#c"), re.search(r"a.c", "A\nC", re.I | re.S))
print(re.I | re.M, re.IGNORECASE, re.DOTALL, int(re.I | re.S), re.compile("x").flags, re.compile("x", re.I).flags)
print(re.findall(r"\w+", "été à l'école", re.ASCII), re.findall(r"\w+", "été à l'école"))
