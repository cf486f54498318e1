import re

m = re.search(r"(?P<jour>\d{2})/(?P<mois>\d{2})/(?P<an>\d{4})", "Né le 14/07/1989 à Lyon")
print(m.group(), m.group(1), m.group("mois"), m["an"], m.group(1, 3))
print(m.groups(), m.groupdict(), m.span(2), m.start("an"), m.end(0))
print(m.lastindex, m.lastgroup, m.re.groups, m.re.groupindex)
m = re.match(r"(a)(b)?(c)?", "ac")
print(m.groups(), m.groups("-"), m.group(2), m.span(2), m.lastindex)
m = re.match(r"(?:(\w+)-)+(\d+)", "ab-cd-42")
print(m.groups(), m.expand(r"\2:\1"), m.expand(r"<\g<2>>"))
try:
    m.group(5)
except IndexError as e:
    print("IndexError:", e)
