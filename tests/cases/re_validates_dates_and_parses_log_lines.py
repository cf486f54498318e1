import re

journal = """2024-03-15 09:12:01 INFO démarrage
2024-03-15 09:12:03 ERREUR connexion refusée (port 8080)
2024-03-15 09:13:44 INFO arrêt"""
ligne = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2}) (?P<heure>[\d:]+) (?P<niveau>[A-Z]+) (?P<msg>.*)$", re.M)
for m in ligne.finditer(journal):
    print(m["heure"], m["niveau"], "-", m["msg"])
erreurs = [m.groupdict() for m in ligne.finditer(journal) if m["niveau"] == "ERREUR"]
print(erreurs)
print(re.search(r"port (\d+)", journal).group(1))
date = re.compile(r"(0[1-9]|[12]\d|3[01])/(0[1-9]|1[0-2])/(\d{4})")
for s in ["14/07/1989", "32/01/2000", "1/1/2000", "31/12/1999"]:
    print(s, bool(date.fullmatch(s)))
