import json

eleve = {"nom": "Ana", "notes": [12, 15.5], "admis": True, "mention": None, "options": {}}
print(json.dumps(eleve))
print(json.dumps(eleve, indent=2))
print(json.dumps(eleve, sort_keys=True, indent=4))
print(json.dumps(eleve, separators=(",", ":")))
print(json.dumps([1, [2, []]], indent=1))
print(json.dumps({"a": 1}, indent="\t"))
print(json.dumps("texte"), json.dumps(3), json.dumps(2.0), json.dumps(None), json.dumps((1, 2)))
