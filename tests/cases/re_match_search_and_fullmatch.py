import re

print(re.match(r"\d+", "123abc"), re.match(r"\d+", "abc123"))
print(re.search(r"\d+", "abc123def456"), re.search(r"x", "abc"))
print(re.fullmatch(r"[A-Z][a-z]+", "Alice"), re.fullmatch(r"[A-Z][a-z]+", "Alice2"))
m = re.search(r"\d+", "abc123def")
print(m.group(), m.start(), m.end(), m.span(), m.string, bool(m))
p = re.compile(r"o+")
print(p.search("foo boo", 3), p.match("foo", 1), p.fullmatch("xoo", 1), p.search("foo", 0, 2))
if re.match(r"^[\w.]+@[\w-]+\.\w{2,}$", "eleve@lycee.fr"):
    print("adresse valide")
