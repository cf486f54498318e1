import re

print(re.sub(r"(\w+) (\w+)", r"\2 \1", "bonjour monde"))
print(re.sub(r"(?P<j>\d{2})/(?P<m>\d{2})/(?P<a>\d{4})", r"\g<a>-\g<m>-\g<j>", "le 14/07/1989"))
print(re.sub(r"\d+", lambda m: str(int(m.group()) * 2), "3 pommes et 12 poires"))
print(re.sub(r"\s+", " ", "trop    d'espaces \t ici"), re.sub("a", "b", "aaa", count=2))
print(re.sub(r"(\d)", r"<\1>", "a1b2"), re.sub(r"x", r"\n", "axb") == "a\nb", re.sub(r"(a)|b", r"[\1]", "ab"))
print(re.sub(r"(?i)PYTHON", "Python", "python et PyThOn"), re.sub(r"^", "> ", "l1\nl2", flags=re.M))
print(re.sub(r"\b(\w)(\w*)", lambda m: m.group(1).upper() + m.group(2), "le petit chat"))
