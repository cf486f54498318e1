import sys

def verifie(age):
    if age < 0:
        print("age invalide")
        sys.exit(2)
    return age

print(verifie(19))
try:
    sys.exit(5)
except SystemExit as e:
    print("SystemExit", e.code)
verifie(-1)
print("jamais")
