import math

print(math.sqrt(16))
print(math.racine(16))
