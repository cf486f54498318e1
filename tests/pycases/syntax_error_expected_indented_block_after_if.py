note = 15
if note > 10:
print("reçu")
