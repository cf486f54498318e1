import json

def en_tuple(d):
    if "x" in d and "y" in d:
        return (d["x"], d["y"])
    return d

print(json.loads('[{"x": 1, "y": 2}, {"z": 3}]', object_hook=en_tuple))
print(json.loads('[1.5, 2]', parse_float=str, parse_int=float))
donnees = {"liste": [1, "deux", 3.0, None, True], "imbrique": {"a": {"b": []}}}
s = json.dumps(donnees, indent=2, sort_keys=True)
print(s)
print(json.loads(s) == donnees)
