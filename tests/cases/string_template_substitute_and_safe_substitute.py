from string import Template

t = Template("Bonjour $nom, vous avez ${n} messages ($$ gratuit)")
print(t.substitute(nom="Ana", n=3))
print(t.substitute({"nom": "Bob", "n": 0}))
print(t.safe_substitute(nom="Chloé"))
try:
    t.substitute(nom="Dan")
except KeyError as e:
    print("KeyError:", e)
try:
    Template("prix: $ 5").substitute()
except ValueError as e:
    print("ValueError:", e)
print(Template("$a$b ${c}d").get_identifiers())
