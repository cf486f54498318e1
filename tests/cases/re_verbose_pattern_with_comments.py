import re

telephone = re.compile(r"""
    (\d{2})      # indicatif
    [-.\s]?      # séparateur facultatif
    (\d{2})
    [-.\s]?
    (\d{2})
""", re.VERBOSE)
print(telephone.search("appeler le 06 12 34").groups())
print(telephone.findall("01-02-03 et 04.05.06"))
print(re.match(r"""(?x) a \  b  # espace échappé
""", "a b"))
