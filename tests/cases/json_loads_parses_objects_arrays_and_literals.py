import json

texte = r"""
{
  "classe": "SIO1",
  "eleves": [
    {"nom": "Ana", "age": 19, "moyenne": 14.25},
    {"nom": "Bob", "age": 20, "moyenne": 9.5e0}
  ],
  "ouverte": true,
  "salle": null,
  "accents": "\u00e9t\u00e9 \ud83d\ude00 \/ \\"
}
"""
data = json.loads(texte)
print(data)
print(data["eleves"][1]["nom"], type(data["eleves"][0]["age"]).__name__, type(data["eleves"][1]["moyenne"]).__name__)
print(json.loads("[]"), json.loads("{}"), json.loads(" -0.5 "), json.loads('"x"'), json.loads("12345678901234567890"))
print(json.loads("[NaN, Infinity, -Infinity]"))
print(json.loads('{"a": 1, "a": 2}'))
print(json.loads(json.dumps({"rond": [1, 2.5, "trois", None]})))
