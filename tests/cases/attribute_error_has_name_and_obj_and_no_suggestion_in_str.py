import asyncio


class Robot:
    vitesse = 3


r = Robot()
for obj, nom in [(asyncio, "slep"), (r, "vitese"), ("texte", "uper"), (Robot, "vitesse_max")]:
    try:
        getattr(obj, nom)
    except AttributeError as e:
        print(e, "|", e.name, "|", e.obj is obj)
try:
    x = inconnu
except NameError as e:
    print(e, "|", e.name)
try:
    raise AttributeError("à la main")
except AttributeError as e:
    print(e, e.name, e.obj)
