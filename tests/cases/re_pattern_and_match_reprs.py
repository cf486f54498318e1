import re

p = re.compile(r"\d+")
print(p, re.compile("a", re.I | re.M), re.compile("x", re.S), re.compile("'"))
print(p.pattern, p.groups, p.groupindex, re.compile(r"(?P<a>x)(y)").groupindex)
print(re.match("ab", "abc"), re.search("", "x"), repr(re.search(r"\n", "a\nb")))
print(type(p).__name__, type(p.match("1")).__name__, re.compile(p) is p)
print(re.compile(r"\d+") == re.compile(r"\d+"), re.purge())
