import json

d = {"prénom": "Zoé", "ville": "Besançon", "emoji": "😀", "ligne": "a\nb\t\"c\""}
print(json.dumps(d))
print(json.dumps(d, ensure_ascii=False))
print(json.dumps("\x01\x1f\x7f"))
print(json.dumps({1: "un", 2.5: "x", True: "vrai", None: "rien"}))
print(json.dumps([float("inf"), float("-inf"), float("nan")]))
try:
    json.dumps(float("nan"), allow_nan=False)
except ValueError as e:
    print("ValueError:", e)
