def racine(x):
    assert x >= 0, f"x doit être positif, reçu {x}"
    return x ** 0.5

print(racine(9))
try:
    racine(-1)
except AssertionError as e:
    print("AssertionError :", e)
assert 1 + 1 == 3
