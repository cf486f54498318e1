import re

motifs = ["(", "a)", "[a", "*a", "a**", "a{3,1}", r"\q", "(?P<1>a)",
          "(?P<n>a)(?P<n>b)", "(?P=m)", r"(a)\2", "[z-a]", "(?<=a+)b", "(?x", "a{,", "(?z)"]
for motif in motifs:
    try:
        re.compile(motif)
        print(repr(motif), "ok")
    except re.error as e:
        print(repr(motif), "->", e, "|", e.msg, e.pos)
try:
    re.sub("(a)", r"\2", "a")
except re.error as e:
    print(e)
print(issubclass(re.error, Exception), re.error.__name__)
