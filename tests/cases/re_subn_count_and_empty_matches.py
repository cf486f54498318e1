import re

print(re.subn(r"a", "A", "banana"), re.subn(r"z", "Z", "banana"))
print(re.sub("x*", "-", "abxd"), re.sub(r"\b", "|", "ab cd"), re.subn("", "-", "abc"))
print(re.split(r"x*", "axbc"), re.sub(r"(?=b)", "^", "abab"))
p = re.compile(r"\d")
print(p.subn("#", "a1b22", count=2), p.sub("", "r2d2"))
