def vide():

print("après")
